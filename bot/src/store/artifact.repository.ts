/**
 * The after-meeting steps through Microsoft Graph (see ArtifactStore). Each claim is one conditional
 * UPDATE … RETURNING, so of several server instances running the scheduler, one does each step.
 */
import type { Kysely } from 'kysely';
import type { ArtifactStore } from '../core/ports';
import type { IsoTime } from '../core/model';
import type { Database } from './schema';

export class ArtifactRepository implements ArtifactStore {
  constructor(private readonly db: Kysely<Database>) {}

  async awaitingReport(since: IsoTime): Promise<Array<{ groupId: string; meetingId: string }>> {
    const rows = await this.db
      .selectFrom('meetings')
      .select(['group_id', 'id'])
      .where('report_imported_at', 'is', null)
      .where('join_url', 'is not', null)
      .where('ended_at', 'is not', null)
      .where('ended_at', '>=', new Date(since))
      .orderBy('ended_at')
      .execute();
    return rows.map((r) => ({ groupId: r.group_id, meetingId: r.id }));
  }

  async claimReportImport(meetingId: string, at: IsoTime): Promise<boolean> {
    const claimed = await this.db
      .updateTable('meetings')
      .set({ report_imported_at: at })
      .where('id', '=', meetingId)
      .where('report_imported_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }

  async releaseReportImport(meetingId: string, at: IsoTime): Promise<void> {
    await this.db
      .updateTable('meetings')
      .set({ report_imported_at: null })
      .where('id', '=', meetingId)
      .where('report_imported_at', '=', new Date(at))
      .execute();
  }

  async claimReportProblem(meetingId: string, problem: string): Promise<boolean> {
    const claimed = await this.db
      .updateTable('meetings')
      .set({ report_problem: problem })
      .where('id', '=', meetingId)
      .where((eb) => eb.or([eb('report_problem', 'is', null), eb('report_problem', '!=', problem)]))
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }

  async rememberTeamGraphId(groupId: string, teamGraphId: string): Promise<void> {
    await this.db
      .updateTable('groups')
      .set({ team_graph_id: teamGraphId })
      .where('id', '=', groupId)
      .where((eb) => eb.or([eb('team_graph_id', 'is', null), eb('team_graph_id', '!=', teamGraphId)]))
      .execute();
  }

  async teamGraphId(groupId: string): Promise<string | null> {
    const row = await this.db.selectFrom('groups').select('team_graph_id').where('id', '=', groupId).executeTakeFirst();
    return row?.team_graph_id ?? null;
  }

  async claimUpload(documentVersionId: string, at: IsoTime): Promise<boolean> {
    const claimed = await this.db
      .updateTable('document_versions')
      .set({ upload_claimed_at: at })
      .where('id', '=', documentVersionId)
      .where('upload_claimed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }

  async setWebUrl(documentVersionId: string, webUrl: string): Promise<void> {
    await this.db.updateTable('document_versions').set({ web_url: webUrl }).where('id', '=', documentVersionId).execute();
  }

  async claimUploadProblem(meetingId: string, at: IsoTime): Promise<boolean> {
    const claimed = await this.db
      .updateTable('meetings')
      .set({ upload_problem_told_at: at })
      .where('id', '=', meetingId)
      .where('upload_problem_told_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }
}
