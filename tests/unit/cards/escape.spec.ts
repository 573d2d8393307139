/**
 * User text in a TextBlock is shown as typed: rendered by a CommonMark renderer with HTML enabled
 * (markdown-it, which the Adaptive Cards SDK documents for markdown), the escaped text produces no
 * markup at all and reads exactly as the original.
 */
import MarkdownIt from 'markdown-it';
import { escapeLines, escapeMarkdown } from '../../../bot/src/cards/escape';
import { buildAgendaCard } from '../../../bot/src/cards/agenda.card';
import { buildAttendanceCard } from '../../../bot/src/cards/attendance.card';
import { agendaView, attendanceView, textsOf } from './fixtures';
import { MARKDOWN_INJECTION } from '../../support/markdown-injection';

const markdown = new MarkdownIt({ html: true });
const decode = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The HTML of one paragraph of plain text, or what went wrong. */
function render(text: string): string {
  const html = markdown.render(text).trim();
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(html);
  if (!inner || /<(?!\/?p>)/.test(inner[1]!.replace(/&lt;/g, ''))) return `MARKUP: ${html}`;
  return decode(inner[1]!).replace(/\s*\n\s*/g, ' ');
}

const HOSTILE = [
  '**fet** [länk](http://x) <script>alert(1)</script>',
  '1. inte en lista',
  '12) inte heller',
  '# rubrik',
  '> citat',
  '- punkt',
  '+ punkt',
  '* punkt',
  '---',
  'Rubrik\n===',
  '_kursiv_ ~~struken~~ `kod`',
  '![bild](http://x/a.png)',
  '&amp; &#60; &#x3C; är inte entiteter',
  '<b>fet</b> <img src=x onerror=alert(1)>',
  'a | b\n--- | ---',
  'sökväg C:\\*temp*',
  '\\*redan escapad\\*',
  '<http://x>',
  '[länk]: http://x',
  '    indraget blir kod',
  '\t- tabb och punkt',
  'rad ett\n  - indragen punkt',
  // the injection corpus every path that echoes user text is tested with (links, mentions, entities, tags)
  ...MARKDOWN_INJECTION,
];

/** What a reader sees: lines run together, indentation gone (HTML shows neither). */
const shown = (input: string) => input.replace(/\s*\n\s*/g, ' ').trim();

const PLAIN = ['Anna-Karin Åkesson 😀 עברית', '§ 12/24 Vårdplatsflöde (I/D/B)', 'Ronneby kommun & Region Blekinge', 'Kl. 13.00–15.30, 3.5 timmar'];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('%j renders as its own text, without markup', (input) => {
    expect(render(escapeMarkdown(input))).toBe(shown(input));
  });

  it.each(HOSTILE)('%j is markup when not escaped (the test above is not vacuous)', (input) => {
    expect(render(input)).not.toBe(shown(input));
  });

  it.each(PLAIN)('leaves ordinary text untouched: %s', (input) => {
    expect(escapeMarkdown(input)).toBe(input);
    expect(render(input)).toBe(input);
  });

  it('escapes the brief\'s example character by character', () => {
    expect(escapeMarkdown('**fet** [länk](http://x) <script>')).toBe('\\*\\*fet\\*\\* \\[länk\\](http://x) \\<script\\>');
  });

  it('keeps lines apart: markdown needs a blank line for a line break', () => {
    expect(escapeLines(['1. första', '2. andra'])).toBe('1\\. första\n\n2\\. andra');
    expect(markdown.render(escapeLines(['1. första', '2. andra']))).toBe('<p>1. första</p>\n<p>2. andra</p>\n');
  });
});

describe('user text in cards goes through escapeMarkdown', () => {
  const evil = '**fet** [länk](http://x) <script>';
  const escaped = escapeMarkdown(evil);

  it('agenda titles, sections and presenters', () => {
    const view = agendaView(3);
    view.entries[0]!.title = evil;
    view.entries[1]!.section = evil;
    view.entries[2]!.presenters = [evil];
    const texts = textsOf(buildAgendaCard(view));
    expect(texts.join('\n')).not.toContain(evil);
    expect(texts).toEqual(expect.arrayContaining([`§ 15 ${escaped} (I/D/B)`, escaped, `Föredragande: ${escaped}`]));
  });

  it('attendance names and principals', () => {
    const view = attendanceView(true);
    view.principals[0]!.principal = evil;
    view.principals[0]!.members[0]!.name = evil;
    view.others[0]!.name = evil;
    const texts = textsOf(buildAttendanceCard(view)).join('\n');
    expect(texts).not.toContain(evil);
    expect(texts).toContain(`Närvarande: ${escaped}`);
  });
});
