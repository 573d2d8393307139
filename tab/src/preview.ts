/**
 * The protokoll preview: the HTML page fetched with the token, shown in a sandboxed iframe (no
 * scripts, nothing of the tab reachable), scrolled to a paragraph when one is given (its id in the
 * page, which the API gives with each action and decision: `p-12-24`, `p-11-a`).
 * During justering and after the lock the page is a stored version: the line above the page names
 * it, `Version N · SHA-256 …`, as the approval card does.
 */
import { api } from './api';
import { say } from './dom';
import { versionLine } from './labels';

export interface PreviewElements {
  section: HTMLElement;
  heading: HTMLElement;
  frame: HTMLIFrameElement;
  close: HTMLButtonElement;
  status: HTMLElement;
  /** the stored version shown; hidden while the meeting runs */
  version: HTMLElement;
}

/** A paragraph to scroll to: its id in the protokoll page and how the tab names it (`§ 12/24`, `punkt 3 a)`). */
export interface PreviewParagraph {
  anchor: string;
  name: string;
}

export class Preview {
  private url: string | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly ui: PreviewElements, private readonly showError: (message: string) => void) {
    ui.close.addEventListener('click', () => this.close());
  }

  async open(meetingId: string, paragraph: PreviewParagraph | null, date: string): Promise<void> {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const what = paragraph === null ? `protokollet ${date}` : `protokollet ${date}, ${paragraph.name}`;
    say(this.ui.status, `Laddar ${what} …`);
    try {
      const { html, version } = await api.protokollHtml(meetingId);
      this.release();
      say(this.ui.version, version ? versionLine(version) : '');
      this.url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      this.ui.frame.title = `Förhandsgranskning av ${what}`;
      this.ui.frame.dataset.meetingId = meetingId;
      this.ui.frame.src = paragraph === null ? this.url : `${this.url}#${encodeURIComponent(paragraph.anchor)}`;
      this.ui.heading.textContent = `Förhandsgranskning: ${what}`;
      this.ui.section.hidden = false;
      say(this.ui.status, '');
      this.ui.heading.focus();
      this.ui.section.scrollIntoView({ block: 'start' });
    } catch (error) {
      say(this.ui.status, '');
      this.showError(error instanceof Error ? error.message : 'Protokollet kunde inte visas.');
    }
  }

  close(): void {
    this.ui.section.hidden = true;
    this.ui.frame.removeAttribute('src');
    this.release();
    this.returnFocus?.focus();
  }

  private release(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
