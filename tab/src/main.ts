/** The content page: group picker, the Åtgärder and Möten views, and the protokoll preview. */
import { api, type Group } from './api';
import { ActionsView } from './actions.view';
import { byId, el, say } from './dom';
import { MeetingsView } from './meetings.view';
import { Preview } from './preview';
import { startSession, type Session } from './session';

const errorBox = byId('error');
const showError = (message: string) => say(errorBox, message);

/** The group in the tab's saved URL, else the one named like the channel's team, else the first. */
function chooseGroup(groups: Group[], session: Session): Group | undefined {
  const saved = session.query.get('group');
  const names = [session.teams?.teamName, session.teams?.channelName].filter((n): n is string => !!n);
  return groups.find((g) => g.id === saved) ?? groups.find((g) => names.includes(g.name)) ?? groups[0];
}

function setupViewSwitch(): void {
  const views = [
    { button: byId<HTMLButtonElement>('show-actions'), section: byId('actions-view') },
    { button: byId<HTMLButtonElement>('show-meetings'), section: byId('meetings-view') },
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
  const openPreview = (meetingId: string, paragraph: number | null, date: string) => void preview.open(meetingId, paragraph, date);
  const actions = new ActionsView({
    statusFilter: byId<HTMLSelectElement>('status-filter'), ownerFilter: byId<HTMLSelectElement>('owner-filter'),
    notice: byId('actions-notice'), list: byId('actions-list'),
  }, showError, openPreview);
  const meetings = new MeetingsView(byId('meetings-list'), showError, openPreview);
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
    await Promise.all([actions.load(picker.value), meetings.load(picker.value)]);
    document.body.dataset.ready = 'true';
  };
  picker.addEventListener('change', () => void load().catch((e: unknown) => showError(e instanceof Error ? e.message : String(e))));
  await load();
}

main().catch((error: unknown) => showError(error instanceof Error ? error.message : 'Fliken kunde inte starta.'));
