/**
 * Every document version (each draft and the final, justerat protokoll) is also saved in the group's
 * channel files, where members look for documents, and the approval card then links there. The
 * upload happens after the version is stored and never decides anything: a failure is logged, its
 * explanation is returned once per meeting (for the secretaries), and the card keeps the link to
 * Protokoll's own copy.
 * Each version is claimed once in the database, so several server instances upload it once.
 */
import type { Group, IsoTime, Meeting } from '../core/model';
import type { DocumentFiles, UnitOfWork, StoredDocumentVersion } from '../core/ports';
import { stockholmDate } from '../core/swedish-time';
import type { Logger } from '../logger';
import type { ChannelFiles } from './channel-files';
import { explainGraphFailure, GraphAccessError } from './graph-errors';

export class ProtokollFiles implements DocumentFiles {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: ChannelFiles,
    private readonly logger: Logger,
  ) {}

  /** Uploads the meeting's newest version if nobody has yet; `uploaded` when this call stored a webUrl. */
  async uploadLatest(groupId: string, meetingId: string, at: IsoTime = new Date().toISOString()): Promise<{ uploaded: boolean; problem: string | null }> {
    const claimed = await this.uow.run(async (repos) => {
      const [group, meeting, version] = await Promise.all([repos.groups.findById(groupId), repos.meetings.findById(groupId, meetingId), repos.documents.latest(meetingId)]);
      if (!group || !meeting || !version || !(await repos.artifacts.claimUpload(version.id, at))) return null;
      const link = await repos.calendar.find(groupId);
      // A group calendar's id is the team's Microsoft 365 group when the team was made from the group.
      const teamGraphId = (await repos.artifacts.teamGraphId(groupId)) ?? (link?.kind === 'group' ? link.id : null);
      return { group, meeting, version, teamGraphId, bytes: await repos.documents.bytes(meetingId, version.id) };
    });
    if (claimed.duplicate || !claimed.value) return { uploaded: false, problem: null };
    const { group, meeting, version, teamGraphId, bytes } = claimed.value;
    const fileName = documentFileName(group, meeting, version);
    try {
      if (!teamGraphId || !group.channelId) throw new MissingPlace();
      const { webUrl } = await this.files.upload({ teamGraphId, channelId: group.channelId }, fileName, bytes!);
      await this.uow.run((repos) => repos.artifacts.setWebUrl(version.id, webUrl));
      this.logger.info({ groupId, meetingId, version: version.version, webUrl }, 'document uploaded to the channel files');
      return { uploaded: true, problem: null };
    } catch (error) {
      this.logger.error({ err: error, groupId, meetingId, version: version.version, ...(error instanceof GraphAccessError ? error.detail : {}) }, 'document upload to the channel files failed');
      const firstTime = await this.uow.run((repos) => repos.artifacts.claimUploadProblem(meetingId, at));
      const problem = `Protokoll kunde inte spara ${fileName} i kanalens filer. ${reason(error)} Dokumentet finns kvar i Protokoll, och länken på justeringskortet går dit.`;
      return { uploaded: false, problem: !firstTime.duplicate && firstTime.value ? problem : null };
    }
  }
}

class MissingPlace extends Error {}

function reason(error: unknown): string {
  if (error instanceof MissingPlace) return 'Protokoll vet inte vilket team kanalen hör till: ta bort appen från teamet och lägg till den igen, så får Protokoll veta det.';
  if (!(error instanceof GraphAccessError)) return 'Felet är loggat.';
  if (error.problem === 'not-found') return 'Microsoft Graph hittar inte kanalens filmapp.';
  return explainGraphFailure(error, { what: 'och skriva i kanalens filer', permission: 'Files.ReadWrite.All', policy: null });
}

/** `Protokoll Samverkansgrupp att åldras 2024-02-16 v2.docx`, or `… justerat.docx` for the locked protokoll. */
export function documentFileName(group: Group, meeting: Meeting, version: StoredDocumentVersion): string {
  const kind = group.documentKind === 'Sammanträdesprotokoll' ? 'Protokoll' : group.documentKind;
  const date = stockholmDate(meeting.startedAt ?? meeting.startsAt ?? version.createdAt);
  // SharePoint refuses these characters in file names.
  const name = `${kind} ${group.name} ${date} ${version.final ? 'justerat' : `v${version.version}`}.docx`.replace(/["*:<>?/\\|]/g, '-');
  return name.normalize('NFC');
}
