/**
 * Åtgärder: one page of the group's action items at a time, filtered by status and owner on the
 * server (the filters go into every request, also "Visa fler åtgärder"), the count per status above
 * the list, and "Markera klar" / "Öppna igen" on the rows this viewer may change (the server says so
 * per row: `canChange`); the others are read-only. The owner filter offers the group's roster.
 */
import { api, ApiError, type ActionItem, type ActionStatusFilter, type ActionTotals, type Owner } from './api';
import { clear, el, say } from './dom';
import { actionsCaption, actionStatusLabel, CONFLICT_MESSAGE, NO_OWNER, totalsLine } from './labels';
import type { PreviewParagraph } from './preview';

export interface ActionsViewElements {
  statusFilter: HTMLSelectElement;
  ownerFilter: HTMLSelectElement;
  totals: HTMLElement;
  notice: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
}

const ALL_OWNERS = '';
/** the API's `owner=none`: actions nobody is responsible for */
const NONE = 'none';
const READ_ONLY = 'Ändras av den ansvariga, sekreteraren eller ordföranden';
/** the server's page size (and its largest): a reload after a change keeps as many rows as were shown */
const PAGE = { default: 100, max: 500 };

export class ActionsView {
  private groupId: string | null = null;
  private actions: ActionItem[] = [];
  private totals: ActionTotals | null = null;
  private cursor: string | null = null;
  private pending: AbortController | null = null;

  constructor(
    private readonly ui: ActionsViewElements,
    private readonly showError: (message: string) => void,
    private readonly openSource: (meetingId: string, paragraph: PreviewParagraph | null, date: string) => void,
  ) {
    const reportingErrors = (work: () => Promise<void>) => () => void work().catch((error: unknown) => this.failed(error));
    ui.statusFilter.addEventListener('change', reportingErrors(() => this.fetchPage(true)));
    ui.ownerFilter.addEventListener('change', reportingErrors(() => this.fetchPage(true)));
    ui.more.addEventListener('click', reportingErrors(() => this.fetchPage(false)));
  }

  /** A group chosen: its roster as owners, and the first page with the status chosen. */
  async load(groupId: string): Promise<void> {
    if (groupId !== this.groupId) this.ui.ownerFilter.value = ALL_OWNERS;
    this.groupId = groupId;
    const [owners] = await Promise.all([api.owners(groupId), this.fetchPage(true)]);
    this.fillOwners(owners);
  }

  private fillOwners(owners: Owner[]): void {
    const select = this.ui.ownerFilter;
    const chosen = select.value;
    select.replaceChildren(
      el('option', { value: ALL_OWNERS }, 'Alla ansvariga'),
      ...owners.map((o) => el('option', { value: o.id }, o.name)),
      el('option', { value: NONE }, NO_OWNER),
    );
    select.value = Array.from(select.options).some((o) => o.value === chosen) ? chosen : ALL_OWNERS;
  }

  /** The first page (`first`), or the next one after those shown; `keep` rows at least when reloading after a change. */
  private async fetchPage(first: boolean, keep = 0): Promise<void> {
    if (!this.groupId || (!first && !this.cursor)) return;
    // A newer request replaces one still under way: its answer would be for the filters of before.
    this.pending?.abort();
    const request = new AbortController();
    this.pending = request;
    this.ui.list.setAttribute('aria-busy', 'true');
    this.ui.more.disabled = true;
    try {
      const limit = keep > PAGE.default ? Math.min(keep, PAGE.max) : undefined;
      const page = await api.actions(this.groupId, {
        status: this.ui.statusFilter.value as ActionStatusFilter, owner: this.ui.ownerFilter.value, cursor: first ? null : this.cursor, limit,
      }, request.signal);
      if (request.signal.aborted) return;
      this.actions = first ? page.actions : [...this.actions, ...page.actions];
      if (first) this.totals = page.totals;
      this.cursor = page.nextCursor;
      this.render();
    } catch (error) {
      if (request.signal.aborted) return;
      throw error;
    } finally {
      if (this.pending === request) {
        this.pending = null;
        this.ui.list.removeAttribute('aria-busy');
        this.ui.more.disabled = false;
      }
    }
  }

  private failed(error: unknown): void {
    this.showError(error instanceof Error ? error.message : 'Åtgärderna kunde inte hämtas.');
  }

  private render(): void {
    const rows = this.actions;
    clear(this.ui.list);
    say(this.ui.totals, this.totals ? totalsLine(this.totals) : '');
    this.ui.more.hidden = this.cursor === null;
    if (rows.length === 0) {
      const none = this.totals?.all === 0 && this.ui.ownerFilter.value === ALL_OWNERS;
      this.ui.list.append(el('p', { class: 'empty' }, none ? 'Gruppen har inga åtgärder ännu.' : 'Inga åtgärder matchar filtret.'));
      return;
    }
    const status = this.ui.statusFilter.value as ActionStatusFilter;
    const total = this.totals?.[status] ?? rows.length;
    const head = el('tr', {}, ...['Åtgärd', 'Ansvarig', 'Senast', 'Källa', 'Status', 'Ändra'].map((h) => el('th', { scope: 'col' }, h)));
    this.ui.list.append(el('table', { class: 'data actions' },
      el('caption', {}, actionsCaption(rows.length, Math.max(total, rows.length))),
      el('thead', {}, head),
      el('tbody', {}, ...rows.map((a) => this.row(a)))));
  }

  private row(action: ActionItem): HTMLTableRowElement {
    const textId = `action-${action.id}`;
    const href = `${api.protokollHtmlUrl(action.meetingId)}${action.anchor === null ? '' : `#${action.anchor}`}`;
    const sourceText = [action.paragraph, action.paragraphTitle].filter(Boolean).join(' ');
    const source = el('a', { href, class: 'source' }, sourceText || 'Protokollet');
    source.addEventListener('click', (event) => {
      event.preventDefault();
      this.openSource(action.meetingId, action.anchor === null ? null : { anchor: action.anchor, name: action.paragraph }, action.meetingDate ?? '');
    });
    const status = actionStatusLabel(action);
    return el('tr', { class: action.overdue ? 'overdue' : action.status === 'done' ? 'done' : null, 'data-action-id': action.id },
      el('td', { 'data-label': 'Åtgärd', id: textId }, action.text),
      el('td', { 'data-label': 'Ansvarig' }, action.owner ?? NO_OWNER),
      el('td', { 'data-label': 'Senast' }, action.dueDate ?? '–'),
      el('td', { 'data-label': 'Källa' }, el('div', {}, source, action.meetingDate ? el('span', { class: 'meeting-date' }, `möte ${action.meetingDate}`) : null)),
      el('td', { 'data-label': 'Status' }, el('span', { class: `badge ${!action.live ? 'pending' : action.overdue ? 'late' : action.status}` }, status)),
      el('td', { 'data-label': 'Ändra' }, this.change(action, textId)));
  }

  /** The row's button, or why there is none: not justerat yet, or someone else's to change. */
  private change(action: ActionItem, textId: string): HTMLElement {
    if (!action.live) return el('span', { class: 'hint' }, 'Efter justering');
    if (!action.canChange) return el('span', { class: 'hint' }, READ_ONLY);
    return this.toggleButton(action, textId);
  }

  /** Only actions of a justerat protokoll can be marked done: before that they may still change. */
  private toggleButton(action: ActionItem, textId: string): HTMLButtonElement {
    const button = el('button', { type: 'button', class: 'secondary', 'aria-describedby': textId },
      action.status === 'open' ? 'Markera klar' : 'Öppna igen');
    button.addEventListener('click', () => void this.toggle(action, button));
    return button;
  }

  private notify(text: string, warning = false): void {
    say(this.ui.notice, text);
    this.ui.notice.classList.toggle('warning', warning);
  }

  private async toggle(action: ActionItem, button: HTMLButtonElement): Promise<void> {
    if (!this.groupId) return;
    button.disabled = true;
    this.notify('');
    // After a change the list is read again from the start, as many rows as were shown.
    const shown = this.actions.length;
    try {
      await api.setActionStatus(action.id, action.status === 'open' ? 'done' : 'open', action.version);
      await this.fetchPage(true, shown);
      this.notify(action.status === 'open' ? `”${action.text}” är markerad som klar.` : `”${action.text}” är öppen igen.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await this.fetchPage(true, shown).catch(() => undefined);
        this.notify(CONFLICT_MESSAGE, true);
        return;
      }
      button.disabled = false;
      this.failed(error);
    }
  }
}
