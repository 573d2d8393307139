/**
 * Åtgärder: the group's action items with status and owner filters, and "Markera klar" / "Öppna igen"
 * on the rows this viewer may change (the server says so per row: `canChange`); the others are read-only.
 */
import { api, ApiError, type ActionItem } from './api';
import { clear, el, say } from './dom';
import { actionStatusLabel, CONFLICT_MESSAGE, matchesStatus, NO_OWNER, type StatusFilter } from './labels';
import type { PreviewParagraph } from './preview';

export interface ActionsViewElements {
  statusFilter: HTMLSelectElement;
  ownerFilter: HTMLSelectElement;
  notice: HTMLElement;
  list: HTMLElement;
}

const ALL_OWNERS = '';
const NONE = '__ingen__';
const READ_ONLY = 'Ändras av den ansvariga, sekreteraren eller ordföranden';

export class ActionsView {
  private groupId: string | null = null;
  private actions: ActionItem[] = [];

  constructor(
    private readonly ui: ActionsViewElements,
    private readonly showError: (message: string) => void,
    private readonly openSource: (meetingId: string, paragraph: PreviewParagraph | null, date: string) => void,
  ) {
    ui.statusFilter.addEventListener('change', () => this.render());
    ui.ownerFilter.addEventListener('change', () => this.render());
  }

  async load(groupId: string): Promise<void> {
    this.groupId = groupId;
    this.ui.list.setAttribute('aria-busy', 'true');
    try {
      this.actions = await api.actions(groupId);
      this.fillOwners();
      this.render();
    } finally {
      this.ui.list.removeAttribute('aria-busy');
    }
  }

  private fillOwners(): void {
    const select = this.ui.ownerFilter;
    const chosen = select.value;
    const owners = [...new Set(this.actions.map((a) => a.owner).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b, 'sv'));
    const options = [el('option', { value: ALL_OWNERS }, 'Alla ansvariga'), ...owners.map((o) => el('option', { value: o }, o))];
    if (this.actions.some((a) => !a.owner)) options.push(el('option', { value: NONE }, NO_OWNER));
    select.replaceChildren(...options);
    select.value = Array.from(select.options).some((o) => o.value === chosen) ? chosen : ALL_OWNERS;
  }

  private visible(): ActionItem[] {
    const status = this.ui.statusFilter.value as StatusFilter;
    const owner = this.ui.ownerFilter.value;
    return this.actions.filter((a) =>
      matchesStatus(a, status) && (owner === ALL_OWNERS || (owner === NONE ? !a.owner : a.owner === owner)));
  }

  private render(): void {
    const rows = this.visible();
    clear(this.ui.list);
    if (rows.length === 0) {
      this.ui.list.append(el('p', { class: 'empty' }, this.actions.length ? 'Inga åtgärder matchar filtret.' : 'Gruppen har inga åtgärder ännu.'));
      return;
    }
    const head = el('tr', {}, ...['Åtgärd', 'Ansvarig', 'Senast', 'Källa', 'Status', 'Ändra'].map((h) => el('th', { scope: 'col' }, h)));
    this.ui.list.append(el('table', { class: 'data actions' },
      el('caption', {}, rows.length === 1 ? '1 åtgärd' : `${rows.length} åtgärder`),
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
    try {
      await api.setActionStatus(action.id, action.status === 'open' ? 'done' : 'open', action.version);
      await this.load(this.groupId);
      this.notify(action.status === 'open' ? `”${action.text}” är markerad som klar.` : `”${action.text}” är öppen igen.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await this.load(this.groupId).catch(() => undefined);
        this.notify(CONFLICT_MESSAGE, true);
        return;
      }
      button.disabled = false;
      this.showError(error instanceof Error ? error.message : 'Något gick fel.');
    }
  }
}
