/**
 * Beslut: the group's decision register. A search box (results while typing, and on Enter), the
 * decisions grouped by meeting, newest first, the matched words marked, and for each decision a link
 * that opens the protokoll preview at its paragraph. "Visa fler" loads the next page.
 */
import { api, type Decision, type DecisionRegisterPage, type TextPart } from './api';
import { clear, el, say } from './dom';
import type { PreviewParagraph } from './preview';

export interface DecisionsViewElements {
  form: HTMLFormElement;
  search: HTMLInputElement;
  /** newest meeting first, or best match first (with search words) */
  order: HTMLSelectElement;
  notice: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
}

/** Typing pauses this long before the search runs: one request per word, not per key. */
const TYPING_PAUSE_MS = 300;

export class DecisionsView {
  private groupId: string | null = null;
  private decisions: Decision[] = [];
  private total: number | null = null;
  /** more match than the register counts (it stops counting at 200) */
  private totalAtLeast = false;
  private cursor: string | null = null;
  private searched = '';
  private pending: AbortController | null = null;
  private typing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ui: DecisionsViewElements,
    private readonly showError: (message: string) => void,
    private readonly openPreview: (meetingId: string, paragraph: PreviewParagraph | null, date: string) => void,
  ) {
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typing);
      void this.search();
    });
    ui.search.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => void this.search(), TYPING_PAUSE_MS);
    });
    ui.order.addEventListener('change', () => void this.search());
    ui.more.addEventListener('click', () => void this.loadMore());
  }

  /** The group's register from the start, with the words in the search box. */
  async load(groupId: string): Promise<void> {
    this.groupId = groupId;
    await this.search();
  }

  private async search(): Promise<void> {
    const q = this.ui.search.value.trim();
    this.searched = q;
    this.decisions = [];
    this.cursor = null;
    await this.fetchPage(true);
  }

  private async loadMore(): Promise<void> {
    if (this.cursor) await this.fetchPage(false);
  }

  private async fetchPage(first: boolean): Promise<void> {
    if (!this.groupId) return;
    // A newer search replaces one still under way: its answer would show results for old words.
    this.pending?.abort();
    const request = new AbortController();
    this.pending = request;
    this.ui.list.setAttribute('aria-busy', 'true');
    this.ui.more.disabled = true;
    if (first) say(this.ui.notice, this.searched ? `Söker efter ”${this.searched}” …` : 'Laddar besluten …');
    try {
      const sort = this.ui.order.value === 'relevans' ? 'relevans' : 'datum';
      const page: DecisionRegisterPage = await api.decisions(this.groupId, this.searched, sort, this.cursor, request.signal);
      if (request.signal.aborted) return;
      this.decisions = first ? page.decisions : [...this.decisions, ...page.decisions];
      if (first) {
        this.total = page.total;
        this.totalAtLeast = page.totalAtLeast;
      }
      this.cursor = page.nextCursor;
      this.render();
    } catch (error) {
      if (request.signal.aborted) return;
      say(this.ui.notice, '');
      this.showError(error instanceof Error ? error.message : 'Besluten kunde inte hämtas.');
    } finally {
      if (this.pending === request) {
        this.pending = null;
        this.ui.list.removeAttribute('aria-busy');
        this.ui.more.disabled = false;
      }
    }
  }

  private render(): void {
    clear(this.ui.list);
    this.ui.more.hidden = this.cursor === null;
    say(this.ui.notice, this.summary());
    if (this.decisions.length === 0) {
      this.ui.list.append(el('p', { class: 'empty' }, this.searched
        ? 'Inga beslut innehåller de orden. Prova ett annat ord eller början av ett ord.'
        : 'Gruppen har inga beslut ännu.'));
      return;
    }
    // by relevance a meeting may come back further down: each run of its decisions is a section of its own
    byMeeting(this.decisions).forEach((meeting, i) => this.ui.list.append(this.meetingSection(meeting, i)));
  }

  private summary(): string {
    const count = this.total ?? this.decisions.length;
    const shown = this.decisions.length < count ? ` (visar ${this.decisions.length})` : '';
    const found = this.totalAtLeast ? `Fler än ${count} beslut` : count === 1 ? '1 beslut' : `${count} beslut`;
    return this.searched ? `${found} om ”${this.searched}”${shown}.` : `${found} i registret${shown}.`;
  }

  private meetingSection(decisions: Decision[], index: number): HTMLElement {
    const first = decisions[0]!;
    const headingId = `decisions-meeting-${index}`;
    const status = first.status === 'justerat' ? 'Justerat' : 'Utkast';
    return el('section', { class: 'register-meeting', 'aria-labelledby': headingId },
      el('h3', { id: headingId }, `Möte ${first.meetingDate} `, el('span', { class: `badge ${first.status === 'justerat' ? 'done' : 'pending'}` }, status)),
      el('ul', { class: 'register' }, ...decisions.map((d) => this.entry(d))));
  }

  private entry(decision: Decision): HTMLLIElement {
    const name = decision.paragraph || 'Paragraf';
    const link = el('a', { href: decision.link, class: 'source' }, `${name} `, ...marked(decision.paragraphTitleParts));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.openPreview(decision.meetingId, { anchor: decision.anchor, name }, decision.meetingDate);
    });
    return el('li', { 'data-decision-id': decision.id },
      el('p', { class: 'register-paragraph' }, link),
      el('p', { class: 'register-clause' }, ...marked(decision.clauseParts)));
  }
}

/** The text with the matched words in <mark>, every piece as text (never HTML). */
function marked(parts: TextPart[]): Array<Node | string> {
  return parts.map((part) => (part.match ? el('mark', {}, part.text) : part.text));
}

/** Consecutive decisions of one meeting together, in the register's order. */
function byMeeting(decisions: Decision[]): Decision[][] {
  const groups: Decision[][] = [];
  for (const decision of decisions) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.meetingId === decision.meetingId) last.push(decision);
    else groups.push([decision]);
  }
  return groups;
}
