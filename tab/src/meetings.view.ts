/**
 * Möten: date, status, paragraph range, "Förhandsgranska" and "Ladda ned Word" per meeting, newest
 * first, a page at a time ("Visa fler möten").
 */
import { api, type Meeting } from './api';
import { clear, el } from './dom';
import { MEETING_STATUS } from './labels';
import type { PreviewParagraph } from './preview';
import { inTeams } from './teams';

export interface MeetingsViewElements {
  list: HTMLElement;
  more: HTMLButtonElement;
}

export class MeetingsView {
  private groupId: string | null = null;
  private meetings: Meeting[] = [];
  private cursor: string | null = null;

  constructor(
    private readonly ui: MeetingsViewElements,
    private readonly showError: (message: string) => void,
    private readonly preview: (meetingId: string, paragraph: PreviewParagraph | null, date: string) => void,
  ) {
    ui.more.addEventListener('click', () => void this.fetchPage(false).catch((error: unknown) =>
      this.showError(error instanceof Error ? error.message : 'Mötena kunde inte hämtas.')));
  }

  async load(groupId: string): Promise<void> {
    this.groupId = groupId;
    await this.fetchPage(true);
  }

  private async fetchPage(first: boolean): Promise<void> {
    if (!this.groupId || (!first && !this.cursor)) return;
    this.ui.list.setAttribute('aria-busy', 'true');
    this.ui.more.disabled = true;
    try {
      const page = await api.meetings(this.groupId, first ? null : this.cursor);
      this.meetings = first ? page.meetings : [...this.meetings, ...page.meetings];
      this.cursor = page.nextCursor;
      this.render(this.meetings);
    } finally {
      this.ui.list.removeAttribute('aria-busy');
      this.ui.more.disabled = false;
    }
  }

  /** One of the group's meetings as last loaded. */
  find(meetingId: string): Meeting | undefined {
    return this.meetings.find((m) => m.id === meetingId);
  }

  private render(meetings: Meeting[]): void {
    clear(this.ui.list);
    this.ui.more.hidden = this.cursor === null;
    if (meetings.length === 0) {
      this.ui.list.append(el('p', { class: 'empty' }, 'Gruppen har inga möten ännu.'));
      return;
    }
    const head = el('tr', {}, ...['Datum', 'Status', 'Paragrafer', 'Protokoll'].map((h) => el('th', { scope: 'col' }, h)));
    this.ui.list.append(el('table', { class: 'data meetings' },
      el('caption', {}, meetings.length === 1 ? '1 möte' : `${meetings.length} möten`),
      el('thead', {}, head),
      el('tbody', {}, ...meetings.map((m) => this.row(m)))));
  }

  private row(meeting: Meeting): HTMLTableRowElement {
    const date = meeting.date ?? 'Datum saknas';
    const dateId = `meeting-${meeting.id}`;
    const show = el('button', { type: 'button', class: 'secondary', 'aria-describedby': dateId }, 'Förhandsgranska');
    show.addEventListener('click', () => this.preview(meeting.id, null, date));
    const download = el('a', { href: api.protokollDocxUrl(meeting.id), class: 'button-link', download: '', 'aria-describedby': dateId }, 'Ladda ned Word');
    download.addEventListener('click', (event) => void this.download(event, meeting, date));
    return el('tr', { 'data-meeting-id': meeting.id },
      el('td', { 'data-label': 'Datum', id: dateId }, date),
      el('td', { 'data-label': 'Status' }, el('span', { class: `badge meeting-${meeting.status}` }, MEETING_STATUS[meeting.status] ?? meeting.status)),
      el('td', { 'data-label': 'Paragrafer' }, meeting.paragraphRange ?? '–'),
      // a cancelled meeting was never held: there is no protokoll to show
      el('td', { 'data-label': 'Protokoll' }, meeting.status === 'inställt' ? 'Inget protokoll' : el('div', { class: 'buttons' }, show, download)));
  }

  /** With SSO the link alone would go without the token: fetch the file and hand it over. */
  private async download(event: MouseEvent, meeting: Meeting, date: string): Promise<void> {
    if (!inTeams()) return; // outside Teams there is no token: the plain link works
    event.preventDefault();
    try {
      const blob = await api.protokollDocx(meeting.id);
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `protokoll-${date}.docx` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.showError(error instanceof Error ? error.message : 'Protokollet kunde inte laddas ned.');
    }
  }
}
