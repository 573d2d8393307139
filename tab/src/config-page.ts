/** The configuration page: choose the group the channel tab shows, then Teams' Save stores it. */
import { api } from './api';
import { byId, el, say } from './dom';
import { startSession } from './session';
import { registerConfigSave } from './teams';

const errorBox = byId('error');

async function main(): Promise<void> {
  const session = await startSession(byId('dev-banner'));
  const picker = byId<HTMLSelectElement>('group');
  const groups = await api.groups().catch((error: unknown) => {
    say(errorBox, error instanceof Error ? error.message : 'Grupperna kunde inte hämtas.');
    return [];
  });
  picker.replaceChildren(...groups.map((g) => el('option', { value: g.id }, g.name)));
  const names = [session.teams?.teamName, session.teams?.channelName];
  const bound = groups.find((g) => names.includes(g.name));
  if (bound) picker.value = bound.id;
  picker.disabled = groups.length === 0;
  if (groups.length === 0) byId('no-groups').hidden = false;

  const settings = () => {
    // In a meeting the tab is the meeting panel (side panel, chat and details tabs alike).
    const url = new URL(session.teams?.meetingId ? '/tab/panel.html' : '/tab/index.html', location.origin);
    if (picker.value) url.searchParams.set('group', picker.value);
    return { contentUrl: url.toString(), entityId: picker.value ? `protokoll-${picker.value}` : 'protokoll' };
  };
  const preview = byId('content-url');
  const show = () => { preview.textContent = settings().contentUrl; };
  picker.addEventListener('change', show);
  show();
  const hosted = registerConfigSave(settings);
  byId('outside-teams').hidden = hosted;
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => say(errorBox, error instanceof Error ? error.message : 'Sidan kunde inte starta.'));
