/** The content page: group picker, the Åtgärder, Möten and Beslut views, and the protokoll preview. */
import { api, type Group } from './api';
import { ActionsView } from './actions.view';
import { DecisionsView } from './decisions.view';
import { byId, el, say } from './dom';
import { MeetingsView } from './meetings.view';
import { Preview, type PreviewParagraph } from './preview';
import { startSession, type Session } from './session';

const errorBox = byId('error');
const showError = (message: string) => say(errorBox, message);

/** The group in the tab's saved URL, else the one named like the channel's team, else the first. */
function chooseGroup(groups: Group[], session: Session): Group | undefined {
  const saved = session.query.get('group');
  const names = [session.teams?.teamName, session.teams?.channelName].filter((n): n is string => !!n);
  return groups.find((g) => g.id === saved) ?? groups.find((g) => names.includes(g.name)) ?? groups[0];
}

/**
 * The meeting a deep link names: the approval card links to `meeting:<id>` as the tab's sub-entity
 * (bot/src/teams/tab-link.ts) when the document is not in the channel's files.
 */
function deepLinkedMeeting(subPageId: string | null | undefined): string | null {
  const match = /^meeting:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(subPageId ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function setupViewSwitch(): void {
  const views = [
    { button: byId<HTMLButtonElement>('show-actions'), section: byId('actions-view') },
    { button: byId<HTMLButtonElement>('show-meetings'), section: byId('meetings-view') },
    { button: byId<HTMLButtonElement>('show-decisions'), section: byId('decisions-view') },
  ];
  for (const view of views) {
    view.button.addEventListener('click', () => {
      for (const other of views) {
        other.button.setAttribute('aria-pressed', String(other === view));
        other.section.hidden = other !== view;
      }
    });
  }
}

async function main(): Promise<void> {
  const session = await startSession(byId('dev-banner'));
  const preview = new Preview({
    section: byId('preview'), heading: byId('preview-heading'), frame: byId<HTMLIFrameElement>('preview-frame'),
    close: byId<HTMLButtonElement>('close-preview'), status: byId('preview-status'), version: byId('preview-version'),
  }, showError);
  const openPreview = (meetingId: string, paragraph: PreviewParagraph | null, date: string) => void preview.open(meetingId, paragraph, date);
  const actions = new ActionsView({
    statusFilter: byId<HTMLSelectElement>('status-filter'), ownerFilter: byId<HTMLSelectElement>('owner-filter'),
    totals: byId('actions-totals'), notice: byId('actions-notice'), list: byId('actions-list'), more: byId<HTMLButtonElement>('actions-more'),
  }, showError, openPreview);
  const meetings = new MeetingsView({ list: byId('meetings-list'), more: byId<HTMLButtonElement>('meetings-more') }, showError, openPreview);
  const decisions = new DecisionsView({
    form: byId<HTMLFormElement>('decision-search-form'), search: byId<HTMLInputElement>('decision-search'), order: byId<HTMLSelectElement>('decision-order'),
    notice: byId('decisions-notice'), list: byId('decisions-list'), more: byId<HTMLButtonElement>('decisions-more'),
  }, showError, openPreview);
  setupViewSwitch();

  const groups = await api.groups();
  const picker = byId<HTMLSelectElement>('group');
  if (groups.length === 0) {
    picker.disabled = true;
    showError('Du är inte med i någon grupp ännu. Be sekreteraren lägga till dig i ledamotslistan (@Protokoll ledamöter).');
    return;
  }
  picker.replaceChildren(...groups.map((g) => el('option', { value: g.id }, g.name)));
  picker.value = chooseGroup(groups, session)?.id ?? '';
  const load = async () => {
    say(errorBox, '');
    if (!byId('preview').hidden) preview.close();
    await Promise.all([actions.load(picker.value), meetings.load(picker.value), decisions.load(picker.value)]);
    document.body.dataset.ready = 'true';
  };
  picker.addEventListener('change', () => void load().catch((e: unknown) => showError(e instanceof Error ? e.message : String(e))));
  await load();
  await openDeepLinkedMeeting(deepLinkedMeeting(session.teams?.subPageId), meetings, preview);
}

/** Started from a deep link to a meeting: the Möten view with that meeting's preview open. */
async function openDeepLinkedMeeting(meetingId: string | null, meetings: MeetingsView, preview: Preview): Promise<void> {
  if (!meetingId) return;
  const meeting = meetings.find(meetingId);
  if (!meeting) {
    showError('Mötet i länken finns inte bland gruppens möten. Välj gruppen det hör till, eller öppna protokollet under Möten.');
    return;
  }
  byId<HTMLButtonElement>('show-meetings').click();
  await preview.open(meeting.id, null, meeting.date ?? 'Datum saknas');
}

main().catch((error: unknown) => showError(error instanceof Error ? error.message : 'Fliken kunde inte starta.'));
