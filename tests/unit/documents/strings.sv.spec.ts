import { escapeHtml } from '../../../bot/src/documents/escape';
import { h, trustedCss } from '../../../bot/src/documents/html-builder';
import { factRows } from '../../../bot/src/documents/protokoll.layout';
import {
  actionLine,
  attendeeLine,
  decidesPhrase,
  decisionClauses,
  draftMark,
  pageHeader,
  paragraphHeading,
  signatureNameLine,
  signatureOrganisation,
} from '../../../bot/src/documents/strings.sv';
import { paragraphAnchor, subPointAnchor } from '../../../bot/src/core/numbering';
import { protokollDocument } from '../../fixtures/protokoll-document.fixture';

const person = { name: 'André Jönsson', title: 'verksamhetschef Sölvesborgs kommun', principal: 'Sölvesborgs kommun', party: null, partialPresence: '' };

describe('document text helpers', () => {
  it.each([
    [person, 'André Jönsson, verksamhetschef Sölvesborgs kommun'],
    [{ ...person, partialPresence: '(del av mötet)' }, 'André Jönsson, verksamhetschef Sölvesborgs kommun (del av mötet)'],
    [{ ...person, title: '', principal: 'Region Blekinge', partialPresence: '(§§12 - 17)' }, 'André Jönsson, Region Blekinge (§§12 - 17)'],
    [{ ...person, name: 'Ann Berg', title: 'regionråd', party: '(M)', partialPresence: '(§18)' }, 'Ann Berg (M), regionråd (§18)'],
    [{ ...person, name: 'Karin Berg', title: '', principal: '', party: '(S)' }, 'Karin Berg (S)'],
    [{ ...person, title: '', principal: '' }, 'André Jönsson'],
  ])('attendeeLine(%o) = %s', (input, expected) => {
    expect(attendeeLine(input)).toBe(expected);
  });

  it('writes decision clauses as att-clauses, numbered Att-clauses or unmarked statements, and nothing about quorum', () => {
    // a decision taken while the meeting was not quorate prints exactly like any other
    const clauses = [{ clause: 'godkänna dagordningen.', quorate: true }, { clause: ' utse Mats till justerare. ', quorate: false }];
    expect(decisionClauses(clauses, 'att')).toEqual([
      { marker: 'att', text: 'godkänna dagordningen.' },
      { marker: 'att', text: 'utse Mats till justerare.' },
    ]);
    // numbered: each clause as stored (as typed), capitalised; nothing added
    const numbered = [{ clause: 'att godkänna dagordningen.' }, { clause: ' Justeringen sker digitalt senast den 3 maj klockan 12.00. ' }, { clause: 'uppdra åt Mats att återkomma.' }];
    expect(decisionClauses(numbered, 'numbered').map((c) => `${c.marker} ${c.text}`)).toEqual([
      '1. Att godkänna dagordningen.', '2. Justeringen sker digitalt senast den 3 maj klockan 12.00.', '3. Uppdra åt Mats att återkomma.',
    ]);
    expect(decisionClauses(numbered, 'numbered').map((c) => c.text).join('\n')).not.toMatch(/Att Justeringen|att att/i);
    expect(decisionClauses(clauses, 'none')[0]).toEqual({ marker: '', text: 'godkänna dagordningen.' });
    expect(decidesPhrase('Samverkansgruppen')).toBe('Samverkansgruppen beslutar');
  });

  it('writes a postponement as the last clause, as the reference minutes decide it (`att Denna punkt tas upp vid nästa möte.`)', () => {
    expect(decisionClauses([], 'att', true)).toEqual([{ marker: 'att', text: 'Denna punkt tas upp vid nästa möte.' }]);
    expect(decisionClauses([{ clause: 'ge arbetsgruppen i uppdrag att utreda frågan.' }], 'att', true)).toEqual([
      { marker: 'att', text: 'ge arbetsgruppen i uppdrag att utreda frågan.' },
      { marker: 'att', text: 'Denna punkt tas upp vid nästa möte.' },
    ]);
    expect(decisionClauses([{ clause: 'att godkänna dagordningen.' }], 'numbered', true).map((c) => `${c.marker} ${c.text}`))
      .toEqual(['1. Att godkänna dagordningen.', '2. Att denna punkt tas upp vid nästa möte.']);
    expect(decisionClauses([], 'none', true)).toEqual([{ marker: '', text: 'Denna punkt tas upp vid nästa möte.' }]);
  });

  it.each([
    ['§ 15', 'p-15'],
    ['§ 12/24', 'p-12-24'],
    ['1.', 'p-1'],
    ['1).', 'p-1'],
    ['12.', 'p-12'],
  ])('paragraphAnchor(%s) = %s', (label, anchor) => {
    expect(paragraphAnchor(label)).toBe(anchor);
  });

  it('refuses labels it cannot make an anchor of, and makes sub-point anchors', () => {
    expect(() => paragraphAnchor('Övrigt')).toThrow(RangeError);
    expect(subPointAnchor('p-12-24', 'b)')).toBe('p-12-24-b');
    expect(subPointAnchor('p-3', 'aa)')).toBe('p-3-aa');
    expect(() => subPointAnchor('p-3', ')')).toThrow(RangeError);
  });

  it('writes headings, actions and the page header', () => {
    expect(paragraphHeading({ label: '§ 15', title: 'Godkännande av föredragningslista', typeTag: '(I/D/B)' })).toBe('§ 15 Godkännande av föredragningslista (I/D/B)');
    expect(paragraphHeading({ label: '1.', title: 'Övrigt', typeTag: null })).toBe('1. Övrigt');
    expect(actionLine({ text: 'Skicka ut PPT', owner: 'Helen Bjerstedt', dueDate: '2021-01-25' })).toBe('Skicka ut PPT – ansvarig: Helen Bjerstedt, senast 2021-01-25');
    expect(actionLine({ text: 'Skicka ut PPT', owner: null, dueDate: null })).toBe('Skicka ut PPT');
    expect(draftMark('utkast')).toBe('UTKAST');
    expect(draftMark('justering')).toBe('UTKAST');
    expect(draftMark('justerat')).toBeNull();
    expect(pageHeader({ bodyName: 'LSVO', status: 'justerat', versionLabel: 'Version 3' })).toEqual({ left: 'LSVO', right: 'Version 3' });
  });

  it.each([
    // reference 000: "Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge"
    ['Enheten för kvalitet och utveckling', 'Region Blekinge', 'Enheten för kvalitet och utveckling, Region Blekinge'],
    // the huvudman named by the title already is not written twice
    ['Region Blekinge', 'Region Blekinge', 'Region Blekinge'],
    ['regionråd, Region Blekinge', 'Region Blekinge', 'regionråd, Region Blekinge'],
    ['verksamhetschef Karlshamns kommun', 'Karlshamns kommun', 'verksamhetschef Karlshamns kommun'],
    ['verksamhetschef  KARLSHAMNS kommun', 'Karlshamns  kommun', 'verksamhetschef KARLSHAMNS kommun'],
    ['', 'Region Blekinge', 'Region Blekinge'],
    ['regionråd', '', 'regionråd'],
    ['', '', ''],
  ])('signatureOrganisation(%j, %j) = %j', (title, principal, expected) => {
    expect(signatureOrganisation(title, principal)).toBe(expected);
  });

  it('writes a signer once with the party, never the organisation twice', () => {
    const line = signatureNameLine({ name: 'Karin Berg (S)', organisation: signatureOrganisation('Region Blekinge', 'Region Blekinge') });
    expect(line).toBe('Karin Berg (S), Region Blekinge');
    expect(line).not.toContain('Region Blekinge, Region Blekinge');
  });
});

describe('factRows', () => {
  it('puts the group label above a chair and each role label in the left column', () => {
    const rows = factRows(protokollDocument());
    expect(rows.slice(0, 4)).toEqual([
      { label: 'Tid och plats:', value: 'Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams', groupStart: true },
      { label: 'Närvarande ledamöter:', value: '', groupStart: true },
      { label: 'Ordförande', value: 'Mats Wennstig, hälso- och sjukvårdsstrateg/processledare LOS', groupStart: false },
      { label: '', value: 'Sandra Johansson, processledare LOS', groupStart: false },
    ]);
    // a label too long for the left column gets a row of its own, so the names below it stay together
    expect(rows).toContainEqual({ label: 'Övriga deltagare och föredragande:', value: '', groupStart: true });
    expect(rows).toContainEqual({ label: '', value: 'Tina Olsson, projektledare vårdplatsflöde (del av mötet)', groupStart: false });
    expect(rows.filter((r) => r.groupStart).map((r) => r.label)).toEqual([
      'Tid och plats:', 'Närvarande ledamöter:', 'Frånvarande:', 'Övriga deltagare och föredragande:',
      'Sekreterare:', 'Justerare:', 'Paragrafer:', 'Plats och tid för justering:',
    ]);
  });

  it('leaves out empty groups and lines', () => {
    const doc = { ...protokollDocument(), absentMembers: [], otherParticipants: [], adjusters: [], secretary: null, paragraphRange: null, approvalPlaceAndTime: null };
    const first = { ...doc.presentMembers[1]! };
    const rows = factRows({ ...doc, presentMembers: [first] });
    expect(rows).toEqual([
      { label: 'Tid och plats:', value: doc.timeAndPlace, groupStart: true },
      { label: 'Närvarande ledamöter:', value: 'Sandra Johansson, processledare LOS', groupStart: true },
    ]);
  });
});

describe('escapeHtml and the element builder', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Ann & Bo', 'Ann &amp; Bo'],
    ['&amp;', '&amp;amp;'],
    [`"dubbla" och 'enkla'`, '&quot;dubbla&quot; och &#39;enkla&#39;'],
    ['Anna-Karin Åkesson § 12/24 (I/D)', 'Anna-Karin Åkesson § 12/24 (I/D)'],
  ])('escapeHtml(%s)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapes text and attribute values, and refuses names that are not plain', () => {
    expect(h('p', { class: 'a"b', id: null }, 'x<y', h('br'), ['z', null, false]).html).toBe('<p class="a&quot;b">x&lt;y<br>z</p>');
    expect(() => h('p onclick=x')).toThrow('invalid tag name');
    expect(() => h('p', { 'on click': 'x' })).toThrow('invalid attribute name');
    expect(() => trustedCss('p{} </style><script>')).toThrow('</style');
  });
});
