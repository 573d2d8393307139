/**
 * The meeting side panel (panel.html): the meeting as it is being recorded, updated live from the
 * server's stream without reloading. The group comes from the tab's configuration (`?group=`), or
 * is the caller's only group; the meeting is the group's running one, else its next or latest.
 */
import { api, type LiveMeetingView, type Meeting } from './api';
import { byId, say } from './dom';
import { followMeeting } from './live-stream';
import { renderAgenda, renderPanel } from './panel.view';
import { wireRecordForms } from './panel-forms';
import { startSession } from './session';

const errorBox = byId('error');
const liveStatus = byId('live-status');

function pickMeeting(meetings: Meeting[]): Meeting | null {
  return meetings.find((m) => m.status === 'pågår') ?? meetings.find((m) => m.status === 'planerat') ?? meetings[0] ?? null;
}

async function main(): Promise<void> {
  const session = await startSession(byId('dev-banner'));
  const groups = await api.groups();
  const wanted = session.query.get('group');
  const names = [session.teams?.teamName, session.teams?.channelName];
  const group = groups.find((g) => g.id === wanted) ?? groups.find((g) => names.includes(g.name)) ?? (groups.length === 1 ? groups[0] : undefined);
  if (!group) {
    say(errorBox, groups.length ? 'Välj gruppen i flikens inställningar.' : 'Du är inte med i någon grupp som Protokoll för.');
    say(liveStatus, '');
    document.body.dataset.ready = 'true';
    return;
  }
  // the newest meetings are on the first page: the running one, else the one just held or planned
  const meeting = pickMeeting((await api.meetings(group.id, null)).meetings);
  if (!meeting) {
    say(errorBox, 'Gruppen har inget möte än. Sekreteraren lägger till punkter med @Protokoll ny punkt.');
    say(liveStatus, '');
    document.body.dataset.ready = 'true';
    return;
  }
  document.body.dataset.meeting = meeting.id;
  const showForms = wireRecordForms(meeting.id);
  // Time passes without anything being recorded: the agenda timer counts on between events.
  let latest: { view: LiveMeetingView; receivedAt: number } | null = null;
  setInterval(() => {
    if (latest?.view.timer.runningItemId) renderAgenda(latest.view, Date.now() - latest.receivedAt);
  }, 15_000);
  followMeeting(meeting.id, {
    view: (view, change) => {
      latest = { view, receivedAt: Date.now() };
      renderPanel(view);
      showForms(view);
      document.body.dataset.change = String(change);
      document.body.dataset.ready = 'true';
    },
    connection: (state) => {
      liveStatus.textContent = state === 'live' ? 'Uppdateras direkt.' : 'Anslutningen bröts. Ansluter igen …';
      liveStatus.classList.toggle('lost', state === 'lost');
      document.body.dataset.live = String(state === 'live');
    },
    refused: (message) => {
      say(errorBox, message);
      say(liveStatus, '');
      document.body.dataset.ready = 'true';
    },
  });
}

main().catch((error: unknown) => {
  say(errorBox, error instanceof Error ? error.message : 'Panelen kunde inte starta.');
  document.body.dataset.ready = 'true';
});
