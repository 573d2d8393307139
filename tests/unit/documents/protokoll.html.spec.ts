import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import type { ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { approvedProtokollDocument, protokollDocument } from '../../fixtures/protokoll-document.fixture';
import { sectioned } from './variants';
import { SV } from '../../../bot/src/documents/strings.sv';
import { expectInOrder } from './expect-order';
import { outline } from './outline';

/** The page's visible text: tags become line breaks, entities are decoded. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderHtml', () => {
  const html = renderHtml(protokollDocument());

  it('is one complete HTML5 page in Swedish with its style inline and nothing external or executable', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">')).toBe(true);
    expect(html.trimEnd().endsWith('</body></html>')).toBe(true);
    expect(html).toContain('<title>Sammanträdesprotokoll Samverkansgrupp att åldras 2021-01-18</title>');
    expect(html).toMatch(/<style>[^<]*@page[^<]*<\/style>/);
    for (const forbidden of [/<script/i, /\son[a-z]+=/i, /\ssrc=/i, /<link/i, /@import/i, /url\(/i, /https?:/i]) {
      expect(html).not.toMatch(forbidden);
    }
  });

  it('follows the reader\'s light or dark colours on screen and prints black on white, page numbers at the foot', () => {
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(css).toContain('color-scheme: light dark;');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{ :root \{ --text: #[0-9a-f]{6}; --page: #[0-9a-f]{6};/);
    expect(css).toMatch(/@media print \{ :root \{ color-scheme: light; --text: #000; --page: #fff;/);
    expect(css).toContain('body { color: var(--text); background: var(--page);');
    expect(css).toContain('content: "Sida " counter(page) " av " counter(pages);');
  });

  it('shows every part of the protokoll in the order of the reference minutes', () => {
    expectInOrder(visibleText(html), outline(protokollDocument()));
  });

  it('gives every paragraph and sub-point a unique id anchor', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7', 'p-8', 'p-9', 'p-10', 'p-11', 'p-11-a', 'p-11-b', 'p-11-c', 'p-12', 'p-12-a']);
    expect(html).toContain('<section class="paragraph" id="p-5"><h2>5. Mobil närvård – aktuellt läge</h2>');
  });

  it('writes the attendance block as label and value rows, the chair marked in the label column', () => {
    expect(html).toContain('<tr class="group-start"><th scope="row" colspan="2">Närvarande ledamöter:</th></tr>');
    expect(html).toContain('<tr><th scope="row" class="plain">Ordförande</th><td>Mats Wennstig, hälso- och sjukvårdsstrateg/processledare LOS</td></tr>');
    expect(html).toContain('<td>André Jönsson, verksamhetschef Sölvesborgs kommun (del av mötet)</td>');
    // the next person under the same label: no header cell of its own (an empty <th> is a nameless header)
    expect(html).toContain('<tr><td class="continuation"></td><td>André Jönsson,');
    expect(html).not.toMatch(/<th[^>]*>\s*<\/th>/);
  });

  it('writes decisions as the body phrase and its att-clauses, information and postponement as their fixed sentences', () => {
    expect(html).toContain('<p class="decision-body">Samverkansgruppen beslutar</p><div class="clause"><span class="marker">att</span><span class="text">godkänna för sammanträdet upprättad dagordning.</span></div>');
    const p3 = html.slice(html.indexOf('id="p-3"'), html.indexOf('id="p-4"'));
    expect(p3).toContain('<p class="information">Informationen tas till protokollet.</p>');
    expect(p3).not.toContain('Samverkansgruppen beslutar');
    const p9 = html.slice(html.indexOf('id="p-9"'), html.indexOf('id="p-10"'));
    // a postponement is decided as the original decides it: one more att-clause
    expect(p9).toContain('<p class="decision-body">Samverkansgruppen beslutar</p><div class="clause"><span class="marker">att</span><span class="text">Denna punkt tas upp vid nästa möte.</span></div>');
  });

  it('marks drafts UTKAST and prints dotted signature lines; the approved final prints the digital approval instead', () => {
    expect(html).toContain('<span class="mark draft">UTKAST · Version 1</span>');
    expect(html.split(SV.signatureLine)).toHaveLength(4);
    const final = renderHtml(approvedProtokollDocument());
    expect(final).not.toContain('UTKAST');
    expect(final).toContain('<span class="mark">Version 3</span>');
    expect(final).toContain('<p class="line">Justerat digitalt 2021-01-22 kl. 09.14</p><p class="name">Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge</p>');
    expect(final).toContain('Justerad version: Version 2, SHA-256 9f2c6e0b');
    expect(final.split(SV.signatureLine)).toHaveLength(2);
  });

  it('groups the Ärendeförteckning under its section headings and numbers clauses for groups that do', () => {
    const doc = sectioned();
    const page = renderHtml(doc);
    expectInOrder(visibleText(page), ['INFORMATION, BEREDNING, DIALOG', '1.', 'Godkännande av dagordning (B)', 'ÄRENDEN FÖR BESLUT', '5.', 'Mobil närvård']);
    expect(page).toContain('<p class="index-section">ÄRENDEN FÖR BESLUT</p><ol class="index"><li><span class="index-label">5.</span>');
    expect(page).toContain('<div class="clause"><span class="marker">1.</span><span class="text">Att godkänna dagordningen.</span></div>');
    expect(page).not.toMatch(/beslutfört|beslutsför/i);
  });

  it('is a pure function of the model', () => {
    expect(renderHtml(protokollDocument())).toBe(html);
  });
});

const PAGE_TAGS = ['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'span', 'h1', 'h2', 'h3', 'p', 'br', 'ol', 'ul', 'li', 'table', 'tbody', 'tr', 'th', 'td'];
const PAGE_ATTRIBUTES = ['lang', 'charset', 'name', 'content', 'class', 'id', 'scope', 'colspan'];

describe('renderHtml with hostile text', () => {
  const SCRIPT = '<script>alert("x")</script>';
  const hostile = (): ProtokollDocument => {
    const doc = protokollDocument();
    return {
      ...doc,
      bodyName: `LSVO ${SCRIPT}`,
      presentMembers: [{ ...doc.presentMembers[0]!, name: `Ann "Bo" O'Neil & <b>Co</b>` }],
      paragraphs: [{
        ...doc.paragraphs[0]!,
        title: 'Övrigt </style><img src=x onerror=alert(1)>',
        content: [
          { kind: 'text', text: `Anteckning med ${SCRIPT} och &amp; och <a href="javascript:x">länk</a>` },
          { kind: 'bullets', items: [`"><svg onload=alert(1)>`] },
          { kind: 'recipients', recipients: [`x' onmouseover='alert(1)`] },
        ],
      }],
    };
  };

  it('escapes every text so that nothing becomes markup', () => {
    const html = renderHtml(hostile());
    expect(html).not.toMatch(/<script|<img|<svg|<b>|<a\s|<\/style><img/i);
    // every tag in the page is one the renderer writes, with only the renderer's attributes
    for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)([^>]*)>/g)) {
      expect(PAGE_TAGS).toContain(tag!.toLowerCase());
      expect(attributes).toMatch(/^(\s[a-z-]+="[^"<>]*")*$|^ html$/);
      for (const [, name] of attributes!.matchAll(/\s([a-z-]+)="[^"]*"/g)) expect(PAGE_ATTRIBUTES).toContain(name);
    }
    expect(html).toContain('LSVO &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Ann &quot;Bo&quot; O&#39;Neil &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('och &amp;amp; och &lt;a href=&quot;javascript:x&quot;&gt;');
    expect(html).toContain('<li>x&#39; onmouseover=&#39;alert(1)</li>');
    // exactly the page's own elements: one style sheet, no others
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('still shows the text exactly as written', () => {
    const text = visibleText(renderHtml(hostile()));
    expect(text).toContain(`LSVO ${SCRIPT}`);
    expect(text).toContain(`Ann "Bo" O'Neil & <b>Co</b>`);
    expect(text).toContain('Anteckning med <script>alert("x")</script> och &amp; och');
  });
});
