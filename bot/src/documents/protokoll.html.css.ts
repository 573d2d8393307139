/**
 * The HTML page's own style sheet: print-friendly A4, the same layout as the Word document; light or
 * dark page colours on screen after the reader's `prefers-color-scheme`, always black on white in print.
 */
import { SV } from './strings.sv';

export const PROTOKOLL_CSS = `
@page { size: A4; margin: 2.5cm 2.5cm 2cm;
  @bottom-center { content: "${SV.page} " counter(page) " ${SV.of} " counter(pages); font: 9pt Arial, "Liberation Sans", sans-serif; } }
:root { color-scheme: light dark; --text: #000; --page: #fff; --rule: #888; --draft: #b00020; }
@media (prefers-color-scheme: dark) { :root { --text: #e8e6e3; --page: #1e1f22; --rule: #6b6f76; --draft: #ff8a9a; } }
body { color: var(--text); background: var(--page); font: 11pt/1.35 Arial, "Liberation Sans", Helvetica, sans-serif; max-width: 16cm; margin: 1.5rem auto; padding: 0 1rem; }
.page-header { display: flex; justify-content: space-between; gap: 1rem; font-size: 9pt; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-bottom: 1.5rem; }
.page-header .mark { font-weight: bold; }
.page-header .mark.draft { color: var(--draft); }
h1.title { font-size: 22pt; font-weight: normal; margin: 0 0 .1rem; }
.body-name { font-size: 14pt; margin: 0; }
.meeting-date { font-size: 12pt; margin: 0 0 1.5rem; }
h2 { font-size: 13pt; margin: 1.5rem 0 .5rem; break-after: avoid; }
h3 { font-size: 11pt; margin: 1rem 0 .4rem; break-after: avoid; }
.index-section { font-size: 10pt; font-weight: bold; margin: .8rem 0 .3rem; }
ol.index { list-style: none; margin: 0; padding: 0; }
ol.index li { display: grid; grid-template-columns: 1.3cm 1fr; margin: 0 0 .15rem; }
ol.index ol { grid-column: 2; list-style: none; padding: 0; margin: .1rem 0 0; }
ol.index ol li { grid-template-columns: .8cm 1fr; }
table.facts { border-collapse: collapse; width: 100%; margin: 1.5rem 0 0; }
table.facts th, table.facts td { text-align: left; vertical-align: top; padding: 0 .4rem .1rem 0; }
table.facts th, table.facts td.continuation { width: 5.2cm; }
table.facts th[colspan] { width: auto; }
table.facts th.plain { font-weight: normal; }
table.facts tr.group-start > * { padding-top: .7rem; }
.signatures .signature { margin: 2rem 0 0; break-inside: avoid; }
.signatures .line { margin: 0; }
.signatures .name, .signatures .role { margin: 0; }
.signatures .role { font-style: italic; }
.checksum { font-size: 8pt; overflow-wrap: anywhere; margin-top: 1rem; }
.label { font-weight: bold; margin: 1rem 0 .3rem; break-after: avoid; }
section.paragraph { break-inside: auto; }
section.front + section.paragraph { break-before: page; }
.presenters { font-style: italic; }
.decision-body { font-weight: bold; margin: 1rem 0 .5rem; break-after: avoid; }
.clause { display: grid; grid-template-columns: 1.5cm 1fr; margin: 0 0 .5rem; }
.clause.unmarked { display: block; }
ul { margin: .3rem 0 .6rem; padding-left: 1.1cm; }
ul.plain { list-style: none; padding-left: 0; }
p { margin: 0 0 .5rem; }
@media print { :root { color-scheme: light; --text: #000; --page: #fff; --rule: #888; --draft: #b00020; } body { margin: 0; padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
