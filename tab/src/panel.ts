/**
 * The meeting side panel (panel.html): the meeting as it is being recorded, updated live from the
 * server's stream without reloading. Which meeting it follows is panel-meeting.ts's answer: in Teams
 * the meeting whose chat the panel is opened in, elsewhere the tab's group's current meeting.
 */
import type { LiveMeetingView } from './api';
import { byId, say } from './dom';
import { followMeeting } from './live-stream';
import { renderAgenda, renderPanel } from './panel.view';
import { wireRecordForms } from './panel-forms';
import { startSession } from './session';
import { panelMeeting } from './panel-meeting';

const errorBox = byId('error');
const liveStatus = byId('live-status');

async function main(): Promise<void> {
  const session = await startSession(byId('dev-banner'));
  const found = await panelMeeting(session);
  if ('problem' in found) {
    say(errorBox, found.problem);
    say(liveStatus, '');
    document.body.dataset.ready = 'true';
    return;
  }
  const meetingId = found.meetingId;
  document.body.dataset.meeting = meetingId;
  const showForms = wireRecordForms(meetingId);
  // Time passes without anything being recorded: the agenda timer counts on between events.
  let latest: { view: LiveMeetingView; receivedAt: number } | null = null;
  setInterval(() => {
    if (latest?.view.timer.runningItemId) renderAgenda(latest.view, Date.now() - latest.receivedAt);
  }, 15_000);
  followMeeting(meetingId, {
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
