/**
 * Renders the live meeting view into the side panel: the current paragraph with what is recorded,
 * the agenda with the current item, the attendance with the quorum advice. Pure DOM from the view
 * the server sent; every text goes in as text (dom.ts), never as HTML.
 */
import type { LiveEntry, LiveMeetingView } from './api';
import { byId, el, say } from './dom';

const MEETING_STATUS: Record<LiveMeetingView['status'], string> = {
  planerat: 'Planerat möte',
  pågår: 'Mötet pågår',
  utkast: 'Mötet är avslutat: protokollutkast',
  justering: 'Mötet är avslutat: protokollet justeras',
  justerat: 'Mötet är avslutat: protokollet är justerat',
  inställt: 'Mötet är inställt',
};

export function renderPanel(view: LiveMeetingView): void {
  byId('meeting-heading').textContent = view.groupName;
  byId('meeting-date').textContent = `${view.dateLine} · ${MEETING_STATUS[view.status]}`;
  byId('current').replaceChildren(currentParagraph(view));
  renderAgenda(view, 0);
  renderAttendance(view);
}

/**
 * The agenda with the timer; `sinceReceivedMs` is how long ago the view arrived: the running item
 * and the meeting keep counting between events (the clock moves without anything being recorded).
 */
export function renderAgenda(view: LiveMeetingView, sinceReceivedMs: number): void {
  const extra = Math.max(0, Math.floor(sinceReceivedMs / 1000));
  const used = (itemId: string) => (view.timer.items[itemId]?.usedSeconds ?? 0) + (itemId === view.timer.runningItemId ? extra : 0);
  byId('agenda').replaceChildren(...agenda(view, used));
  const meetingSeconds = view.timer.usedSeconds + (view.timer.runningItemId ? extra : 0);
  const planned = view.timer.plannedMinutes ? `; planerat ${view.timer.plannedMinutes} min` : '';
  say(byId('meeting-time'), view.status === 'planerat' ? (planned ? `Planerad tid: ${view.timer.plannedMinutes} min.` : '') : `Mötet: ${minutes(meetingSeconds)} min${planned}.`);
}

const minutes = (seconds: number) => Math.floor(seconds / 60);

function currentParagraph(view: LiveMeetingView): HTMLElement {
  const current = view.current;
  if (!current) {
    return el('p', { class: 'empty' }, view.status === 'planerat' ? 'Mötet har inte börjat.' : 'Mötet står inte på någon punkt just nu.');
  }
  const box = el('article', { class: 'paragraph', 'aria-labelledby': 'current-title' },
    el('h3', { id: 'current-title' }, `${capitalised(current.reference)} ${current.title}`),
    current.openedAt ? el('p', { class: 'muted' }, `Sedan ${current.openedAt}`) : null,
    current.presenters.length ? el('p', {}, `Föredragande: ${current.presenters.join(', ')}`) : null,
  );
  let decidingShown = false;
  for (const entry of current.entries) {
    if (entry.kind === 'decision' && !decidingShown) {
      box.append(el('p', { class: 'deciding' }, current.decidingLine));
      decidingShown = true;
    }
    box.append(entryElement(entry));
  }
  if (current.entries.length === 0) box.append(el('p', { class: 'empty' }, 'Inget är antecknat än.'));
  return box;
}

/** `punkt 3` as the chat writes it mid-sentence, `Punkt 3` as a heading. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

function entryElement(entry: LiveEntry): HTMLElement {
  switch (entry.kind) {
    case 'note':
      return el('p', { class: 'note' }, entry.text);
    case 'decision':
      return el('p', { class: 'clause' }, entry.clause);
    case 'action': {
      const who = entry.owner ? `, ansvarig ${entry.owner}` : '';
      const when = entry.dueDate ? `, senast ${entry.dueDate}` : '';
      return el('p', { class: 'action' }, `Åtgärd: ${entry.text}${who}${when}`);
    }
    case 'outcome':
      return el('p', { class: 'outcome' }, entry.text);
  }
}

function agenda(view: LiveMeetingView, used: (itemId: string) => number): HTMLElement[] {
  const rows: HTMLElement[] = [];
  let section: string | null = null;
  for (const entry of view.agenda) {
    if (entry.section && entry.section !== section) rows.push(el('li', { class: 'section' }, entry.section));
    section = entry.section;
    rows.push(agendaRow(entry.label, entry.title, entry.current, timeOf(view, entry.itemId, used)));
    for (const sub of entry.subPoints) rows.push(agendaRow(sub.label, sub.title, sub.current, timeOf(view, sub.itemId, used), 'sub'));
  }
  if (rows.length === 0) rows.push(el('li', { class: 'empty' }, 'Dagordningen är tom.'));
  return rows;
}

/** `4 av 10 min`, `12 av 10 min, över tiden`, `3 min` (no plan), or nothing before the item was reached. */
function timeOf(view: LiveMeetingView, itemId: string, used: (itemId: string) => number): HTMLElement | null {
  const planned = view.timer.items[itemId]?.plannedMinutes ?? null;
  const seconds = used(itemId);
  if (!planned && seconds === 0) return null;
  const over = planned !== null && seconds > planned * 60;
  const text = planned ? `${minutes(seconds)} av ${planned} min${over ? ', över tiden' : ''}` : `${minutes(seconds)} min`;
  return el('span', { class: over ? 'time over' : 'time' }, text);
}

function agendaRow(label: string, title: string, current: boolean, time: HTMLElement | null, extraClass = ''): HTMLElement {
  return el('li', { class: extraClass || null, 'aria-current': current ? 'step' : null },
    el('span', { class: 'label' }, label), ` ${title}`, current ? el('span', { class: 'visually-marked' }, ' (behandlas nu)') : null, time);
}

function renderAttendance(view: LiveMeetingView): void {
  const quorum = byId('quorum');
  quorum.textContent = view.attendance.quorumLine;
  quorum.className = view.attendance.quorate ? 'notice' : 'notice warning';
  const groups = view.attendance.principals.map((p) => {
    const present = p.members.filter((m) => m.presentNow).length;
    return el('div', { class: 'principal' },
      el('h3', {}, `${p.principal} (${present} av ${p.members.length} här)`),
      el('ul', {}, ...p.members.map((m) => el('li', { class: m.presentNow ? null : 'away' }, `${m.name} – ${m.presentNow ? 'här' : 'inte här'}`))),
    );
  });
  const others = view.attendance.others.length ? el('p', {}, `Övriga: ${view.attendance.others.join(', ')}`) : null;
  byId('attendance').replaceChildren(...groups, ...(others ? [others] : []));
}
