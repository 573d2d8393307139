/**
 * Who is calling the tab API, and which groups they may see: the groups whose roster has them,
 * and (when Teams can be asked) the groups of the teams they are a member of. Team membership is
 * looked up before any database transaction starts, so no transaction waits on a network call.
 */
import type { Request } from 'restify';
import type { TeamMembership, UnitOfWork } from '../core/ports';
import type { Viewer } from '../core/use-cases/tab-queries';
import type { Authenticator } from './auth';

export interface ViewerDeps {
  uow: UnitOfWork;
  authenticator: Authenticator;
  membership?: TeamMembership;
}

export async function viewerOf(req: Request, deps: ViewerDeps): Promise<Viewer> {
  const caller = await deps.authenticator.authenticate(req.header('authorization'));
  const viewer: Viewer = { aadObjectId: caller.aadObjectId, developmentUser: caller.developmentUser };
  if (caller.developmentUser || !deps.membership) return viewer;
  const candidates = await deps.uow.read(async (repos) => {
    const onRoster = new Set((await repos.groups.listForMember(caller.aadObjectId)).map((g) => g.id));
    return (await repos.groups.listAll()).filter((g) => !onRoster.has(g.id) && g.teamId);
  });
  if (candidates.length === 0) return viewer;
  return { ...viewer, teamGroupIds: await deps.membership.groupsViaTeam(candidates, caller.aadObjectId) };
}
