/**
 * Replays a real protokoll (the reference minutes' text, kept in tests/fixtures/replay) through the bot's chat commands
 * over the wire, and compares the protokoll the bot writes with expectations transcribed from the
 * original (tests/fixtures/replay/*.expected.json). Used by reference-*.replay.spec.ts.
 *
 * A script is what the secretary would do: the roster, settings and agenda before the meeting, then
 * the meeting as a list of steps (one chat command, the decision form with several clauses, or
 * participants joining/leaving), one minute apart on Teams' clock, then `avsluta`.
 *
 * Besides what the protokoll says (titles, presenters, clauses, attendance), the checks cover the
 * order it says it in (each paragraph's blocks, the clauses, the people) and that it says nothing
 * the original does not (no invented sentence, quorum remark, information line, action, recipient).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreConnection } from '../../../bot/src/store/database';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import type { ContentBlock, DocumentDecision, DocumentParagraph, DocumentSubPoint, ProtokollDocument, SubPointsBlock } from '../../../bot/src/documents/protokoll.model';
import { SV, paragraphHeading, presentersLine } from '../../../bot/src/documents/strings.sv';
import { conflictLine, IMMEDIATELY_ADJUSTED, RESERVATION_HEADING, reservationLine } from '../../../bot/src/core/statements.sv';
import { artifactPath } from '../../support/browser';
import { docxToPdf, headingsEndingPages, keepAllPages, pagesOf, pagesWithoutNumber, requireDocumentTools } from '../../support/libreoffice';
import { deliver, TeamsChannel, type ChannelPlace, type Person } from '../../support/teams-activities';
import type { Wire } from '../../support/wire';
import { expectInOrder } from '../../unit/documents/expect-order';

/** The originals' text, as extracted from the real Word documents. */
export const REFERENCE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'replay');

/**
 * A chat command; the decision form sent with several clauses at once (one activity: the clauses share
 * its timestamp and must keep the order typed); or participants joining or leaving.
 */
export type Step = string | { decisionForm: string[] } | { join: string[] } | { leave: string[] };

export interface ReplayScript {
  /** `reference-000`: names the artefacts */
  name: string;
  place: ChannelPlace;
  /** the meeting's start on Teams' clock (UTC) */
  startsAt: string;
  /** who types the commands */
  secretary: string;
  /** `ledamöter` lines: `Namn [(parti)]; titel; huvudman; roll[, roll][; e-post]`, in the original's order */
  roster: string[];
  /** commands before the meeting starts (minutes before the start, one apart) */
  before: string[];
  /** who is in the Teams meeting when it starts */
  joinAtStart: string[];
  /** the meeting, one minute apart; `avsluta` is sent after the last */
  during: Step[];
  /** minutes after the start when `avsluta` is sent (not before the last step) */
  endsAfterMinutes?: number;
}

/**
 * One block of a paragraph as the original has it, in the original's order:
 *  - `text`: a text block starting with these words (the replay types the start of the original's text);
 *  - `bullets`: a bullet list whose items start with these;
 *  - `decision`: `Samverkansgruppen beslutar` with this many clauses (the next ones of `clauses`),
 *    `postponed` when `Denna punkt tas upp vid nästa möte` closes it;
 *  - `subPoints`: where the sub-points stand among the paragraph's own blocks;
 *  - `information`: `Informationen tas till protokollet.`; `recipients`: `Protokollet ska skickas till` and these.
 */
export type ExpectedBlock =
  | { text: string }
  | { bullets: string[] }
  | { decision: number; postponed?: true }
  | { subPoints: true }
  | { information: true }
  | { recipients: string[] };

/** Blocks of a kind the originals never have: the protokoll shows them in its comparison if it wrote any. */
type InventedBlock = { actions: string[] } | { conflict: string } | { reservation: string[] } | { adjusted: true };

export interface ExpectedPart {
  title: string;
  presenters: string[];
  /** the text after `att` of each clause, in order */
  clauses: string[];
  /** the blocks, in order */
  content: ExpectedBlock[];
}
export interface ExpectedParagraph extends ExpectedPart {
  /** the original decides `att Denna punkt tas upp vid nästa möte.`: the bot's `bordlägg` */
  postponed: boolean;
  subPoints: ExpectedPart[];
}
export interface Expected {
  /** the original's text, in tests/fixtures/replay/ */
  source: string;
  /** `Samverkansgruppen beslutar`: what opens each decision block */
  bodyPhrase: string;
  /** the clauses are numbered `1.`, `2.` in each block and `clauses` hold them as printed (`Att anta …`), not after `att` */
  numberedClauses?: true;
  paragraphs: ExpectedParagraph[];
  /** how the original writes a postponement (the clause after `att`); the bot prints it as the paragraph's last att-clause */
  postponedPhrase?: string;
  attendance: null | {
    chair: string;
    secretary: string;
    /** Närvarande ledamöter in the original's order */
    presentMembers: string[];
    /** name → the mark the original writes after it, e.g. `(del av mötet)` */
    partlyPresent: Record<string, string>;
    /** Frånvarande in the original's order */
    absentMembers: string[];
    /** Justerare; the original names none when empty */
    adjusters: string[];
  };
  distributionList: string[];
  /** `Tid och plats`, when the original has it */
  timeAndPlace?: string;
}

export function loadExpected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'replay', `${name}.expected.json`), 'utf8'));
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A Teams user for a name, with stable ids derived from it. */
export function person(name: string): Person {
  const hex = createHash('sha256').update(name).digest('hex');
  return { id: `29:${hex.slice(0, 16)}`, name, aadObjectId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}` };
}

/** Replies that mean the bot did not do what the command asked. */
const REFUSAL = /Skriv så här|känner inte igen|Det finns ingen|Inget sparades|Bekräfta om|förstods inte|går inte/;

export interface ReplayResult {
  meetingId: string;
  doc: ProtokollDocument;
  /** every command with the bot's reply, for failure messages */
  log: string[];
}

export async function replay(wire: Wire, store: () => StoreConnection, script: ReplayScript): Promise<ReplayResult> {
  const channel = new TeamsChannel(script.place, wire.connector.url);
  const start = Date.parse(script.startsAt);
  const at = (minute: number) => new Date(start + minute * 60_000).toISOString();
  const secretary = person(script.secretary);
  const log: string[] = [];
  const send = async (activity: any, what: string) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status}`);
    const replies = wire.connector.messages.slice(before).map((m: any) => m.text ?? '').filter(Boolean).join(' | ');
    log.push(`${what} → ${replies}`);
    return replies;
  };
  const say = async (text: string, minute: number) => {
    const reply = await send(channel.message(secretary, text, at(minute)), text.split('\n')[0]!);
    if (REFUSAL.test(reply)) throw new Error(`the bot refused “${text.split('\n')[0]}”: ${reply}\n\n${log.join('\n')}`);
    return reply;
  };

  let minute = -(script.before.length + 10);
  await send(channel.install(at(minute++)), 'install');
  await say(['ledamöter', ...script.roster].join('\n'), minute++);
  for (const command of script.before) await say(command, minute++);
  await send(channel.meetingStarted(at(0)), 'meetingStart');
  await send(channel.participants('join', script.joinAtStart.map(person), at(0)), `join ${script.joinAtStart.join(', ')}`);
  minute = 1;
  const meetingNow = async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === script.place.teamName);
    const running = group ? (await repos.meetings.list(group.id)).find((m) => m.status === 'pågår') : undefined;
    if (!running) throw new Error(`no running meeting\n${log.join('\n')}`);
    return running.id;
  };
  for (const step of script.during) {
    if (typeof step === 'string') await say(step, minute);
    else if ('decisionForm' in step) {
      const what = `decision form: ${step.decisionForm.join(' / ')}`;
      const res = await deliver(wire.app.url, channel.cardAction(secretary, 'decision.record', { meetingId: await meetingNow(), clauses: step.decisionForm.join('\n') }, at(minute)));
      const reply = JSON.stringify(res.body?.value ?? res.body);
      log.push(`${what} → ${reply}`);
      if (res.status >= 300 || REFUSAL.test(reply) || !/beslutar/.test(reply)) throw new Error(`the bot refused ${what}: ${reply}\n\n${log.join('\n')}`);
    } else if ('join' in step) await send(channel.participants('join', step.join.map(person), at(minute)), `join ${step.join.join(', ')}`);
    else await send(channel.participants('leave', step.leave.map(person), at(minute)), `leave ${step.leave.join(', ')}`);
    minute += 1;
  }
  await say('avsluta', Math.max(minute, script.endsAfterMinutes ?? 0));

  const repos = repositoriesFor(store().db);
  const group = (await repos.groups.listAll()).find((g) => g.name === script.place.teamName);
  if (!group) throw new Error(`no group ${script.place.teamName}\n${log.join('\n')}`);
  const [meeting] = await repos.meetings.list(group.id);
  const res = await fetch(`${wire.app.url}/api/meetings/${meeting!.id}/protokoll`);
  if (!res.ok) throw new Error(`GET protokoll: ${res.status} ${await res.text()}`);
  const doc: ProtokollDocument = await res.json();
  // kept to look at next to the page images
  fs.writeFileSync(artifactPath('replay', `${script.name}.protokoll.json`), JSON.stringify({ doc, log }, null, 2));
  return { meetingId: meeting!.id, doc, log };
}

const originalText = (expected: Expected) => collapse(fs.readFileSync(path.join(REFERENCE_DIR, expected.source), 'utf8'));

/** A clause's first words: a page break inside a long clause (page header and footer in between) cannot split them. */
const clauseStart = (text: string) => collapse(text).split(' ').slice(0, 5).join(' ');

/**
 * The original as a reader meets it, as the expectations describe it: each paragraph's title, then its
 * blocks in order — the start of a text, the start of each bullet, `Samverkansgruppen beslutar` and
 * `att <first words>` of each clause, and where `subPoints` stands, the sub-points' blocks. (Sub-point
 * titles are left out: the originals list them under the heading, before the paragraph's own text.)
 */
function originalOrder(expected: Expected): string[] {
  const part = (p: ExpectedPart, subPoints: readonly ExpectedPart[]): string[] => {
    const clauses = [...p.clauses];
    return p.content.flatMap((b) => {
      if ('text' in b) return [b.text];
      if ('bullets' in b) return b.bullets;
      if ('decision' in b) {
        return [expected.bodyPhrase, ...clauses.splice(0, b.decision).map((c, i) => `${expected.numberedClauses ? `${i + 1}.` : 'att'} ${clauseStart(c)}`)];
      }
      if ('information' in b) return [SV.information];
      if ('recipients' in b) return [SV.recipients, ...b.recipients];
      return subPoints.flatMap((sp) => part(sp, []));
    });
  };
  return expected.paragraphs.flatMap((p) => [p.title, ...part(p, p.subPoints)]).map(collapse);
}

/**
 * Every string of the expectations occurs in the original, compared after collapsing whitespace
 * (the extract breaks lines where the Word document wrapped them), and in the order the expectations
 * give: each paragraph's blocks as the original has them. A partial-presence mark must follow its
 * person's name in the original, before the next person listed.
 */
export function expectBoundToOriginal(expected: Expected): void {
  const original = originalText(expected);
  const attendance = expected.attendance;
  const strings = [
    expected.bodyPhrase,
    ...expected.paragraphs.flatMap((p) => [p, ...p.subPoints]).flatMap((p) => [p.title, ...p.presenters, ...p.clauses]),
    ...(expected.postponedPhrase ? [expected.postponedPhrase] : []),
    ...(attendance ? [...attendance.presentMembers, ...attendance.absentMembers, ...attendance.adjusters, attendance.chair, attendance.secretary] : []),
    ...expected.distributionList,
    ...(expected.timeAndPlace ? [expected.timeAndPlace] : []),
  ];
  const missing = strings.filter((s) => !original.includes(collapse(s)));
  expect(missing).toEqual([]);
  // the blocks account for every clause, and for the sub-points exactly once
  for (const p of expected.paragraphs.flatMap((p) => [p, ...p.subPoints])) {
    const counted = p.content.reduce((n, b) => n + ('decision' in b ? b.decision : 0), 0);
    expect({ title: p.title, clauses: counted }).toEqual({ title: p.title, clauses: p.clauses.length });
  }
  for (const p of expected.paragraphs) {
    expect({ title: p.title, subPoints: p.content.filter((b) => 'subPoints' in b).length }).toEqual({ title: p.title, subPoints: p.subPoints.length > 0 ? 1 : 0 });
  }
  expectInOrder(original, originalOrder(expected));
  if (!attendance) return;
  const listed = [...attendance.presentMembers, ...attendance.absentMembers];
  for (const [name, mark] of Object.entries(attendance.partlyPresent)) {
    const from = original.indexOf(name) + name.length;
    const next = Math.min(...listed.map((other) => original.indexOf(other, from)).filter((at) => at >= 0), original.length);
    expect({ name, line: original.slice(from, next) }).toEqual({ name, line: expect.stringContaining(mark) });
  }
}

/** What the protokoll wrote, in the expectations' terms; a text keeps the expectation's words when it starts with them. */
type WrittenPart = Omit<ExpectedPart, 'content'> & { content: Array<ExpectedBlock | InventedBlock> };
type WrittenParagraph = WrittenPart & { postponed: boolean; subPoints: WrittenPart[] };

/** A decision block's clauses without its postponement (the last clause of a postponed block), which is compared on its own. */
const decidedClauses = (d: DocumentDecision) => (d.postponed ? d.clauses.slice(0, -1) : d.clauses);

function written(block: ContentBlock | SubPointsBlock, expected: ExpectedBlock | undefined): ExpectedBlock | InventedBlock {
  const starting = (text: string, start: string | undefined) => (start !== undefined && collapse(text).startsWith(collapse(start)) ? start : text);
  switch (block.kind) {
    case 'text': return { text: starting(block.text, expected && 'text' in expected ? expected.text : undefined) };
    case 'bullets': return { bullets: block.items.map((item, i) => starting(item, expected && 'bullets' in expected ? expected.bullets[i] : undefined)) };
    case 'decision': return block.postponed ? { decision: decidedClauses(block).length, postponed: true } : { decision: block.clauses.length };
    case 'subPoints': return { subPoints: true };
    case 'information': return { information: true };
    case 'actions': return { actions: block.actions.map((a) => a.text) };
    case 'recipients': return { recipients: block.recipients };
    case 'conflict': return { conflict: block.name };
    case 'adjusted': return { adjusted: true };
    case 'reservation': return { reservation: block.names };
  }
}

const decisionsOf = (p: DocumentParagraph | DocumentSubPoint) => p.content.flatMap((b) => (b.kind === 'decision' ? [b] : []));

/**
 * The protokoll's paragraphs in the same shape as the expectations: a postponed decision block's last
 * clause is its postponement, compared on its own (`postponed`, `postponedPhrase`).
 */
export function paragraphsOf(doc: ProtokollDocument, expected?: Expected): WrittenParagraph[] {
  const part = (p: DocumentParagraph | DocumentSubPoint, e: ExpectedPart | undefined): WrittenPart => ({
    title: p.title,
    presenters: p.presenters,
    clauses: decisionsOf(p).flatMap((d) => decidedClauses(d).map((c) => c.text)),
    content: p.content.map((b, i) => written(b, e?.content[i])),
  });
  return doc.paragraphs.map((p, i) => {
    const e = expected?.paragraphs[i];
    return {
      ...part(p, e),
      postponed: decisionsOf(p).some((d) => d.postponed),
      subPoints: p.subPoints.map((sp, j) => part(sp, e?.subPoints[j])),
    };
  });
}

/**
 * The protokoll's paragraph titles, presenters, decision clauses (text after `att`) in order, each
 * paragraph's blocks in order, postponements, attendance in order and distribution list equal the
 * original's.
 */
export function expectSameAsOriginal(doc: ProtokollDocument, expected: Expected): void {
  const block = (b: ExpectedBlock | InventedBlock) => ('text' in b ? { text: collapse(b.text) } : 'bullets' in b ? { bullets: b.bullets.map(collapse) } : b);
  const normalisePart = (p: WrittenPart) => ({
    title: collapse(p.title), presenters: p.presenters.map(collapse), clauses: p.clauses.map(collapse), content: p.content.map(block),
  });
  const normalise = (p: WrittenParagraph | ExpectedParagraph) => ({ ...normalisePart(p), postponed: p.postponed, subPoints: p.subPoints.map(normalisePart) });
  expect(paragraphsOf(doc, expected).map(normalise)).toEqual(expected.paragraphs.map(normalise));
  // a postponement is printed as the original words it: the last att-clause of its decision block
  const postponements = allParts(doc).flatMap(decisionsOf).filter((d) => d.postponed).map((d) => d.clauses[d.clauses.length - 1]);
  if (expected.postponedPhrase) expect(postponements).toEqual(postponements.map(() => ({ marker: 'att', text: expected.postponedPhrase })));
  expect(doc.distributionList).toEqual(expected.distributionList);
  if (expected.timeAndPlace) expect(doc.timeAndPlace).toBe(expected.timeAndPlace);

  const attendance = expected.attendance;
  if (!attendance) return;
  expect(doc.secretary?.name).toBe(attendance.secretary);
  // Närvarande ledamöter: the chair first, marked Ordförande, then the rest in the order the roster
  // was typed, which is the original's order. A secretary who is also a member (`sekreterare,
  // ledamot`) is among them, as well as under Sekreterare.
  const present = doc.presentMembers.map((m) => m.name);
  expect(present[0]).toBe(attendance.chair);
  expect(doc.presentMembers[0]!.roleLabel).toBe('Ordförande');
  expect(present).toEqual(attendance.presentMembers);
  // Frånvarande: the same people in the same order
  expect(doc.absentMembers.map((m) => m.name)).toEqual(attendance.absentMembers);
  // (del av mötet) after the same names; nobody else marked
  const marks = Object.fromEntries(doc.presentMembers.filter((m) => m.partialPresence !== '').map((m) => [m.name, m.partialPresence]));
  expect(marks).toEqual(attendance.partlyPresent);
  expect(doc.adjusters.map((m) => m.name)).toEqual(attendance.adjusters);
}

/** Every paragraph and sub-point of the protokoll. */
const allParts = (doc: ProtokollDocument): Array<DocumentParagraph | DocumentSubPoint> => doc.paragraphs.flatMap((p) => [p, ...p.subPoints]);

/**
 * The protokoll says nothing under its paragraphs that the original does not: every sentence of
 * every text and bullet occurs in the original (a quotation's closing mark aside, where the replay
 * typed only its first sentence). Invented blocks (an information line, actions, recipients) show
 * up in `expectSameAsOriginal`.
 */
export function expectNothingInvented(doc: ProtokollDocument, expected: Expected): void {
  const original = originalText(expected);
  const texts = allParts(doc).flatMap((p) => p.content).flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'bullets' ? b.items : []));
  const sentences = texts
    .flatMap((t) => t.split(/\n|(?<=[.;:?!])\s+/))
    .map((s) => collapse(s).replace(/^[”"]|[”"]$/g, ''))
    .filter(Boolean);
  // the extract breaks a line after a hyphen inside a date (`2025-` / `01-10`): joined again here
  const unwrapped = original.replace(/-\s(?=\d)/g, '-');
  expect(sentences.filter((s) => !original.includes(s) && !unwrapped.includes(s))).toEqual([]);
}

/** Words of a remark about quorum; neither original has any. */
const QUORUM_REMARK = /beslutfört|beslutsför|beslutförhet/i;

/**
 * The protokoll prints no quorum remark the secretary did not write, in the model nor on the page
 * (PRODUCT.md, Quorum: the rule warns in the chat and never writes into the document).
 */
export function expectNoQuorumRemark(doc: ProtokollDocument, page: string): void {
  expect(allParts(doc).flatMap(decisionsOf).flatMap((d) => d.clauses).filter((c) => Object.keys(c).some((k) => k !== 'marker' && k !== 'text'))).toEqual([]);
  expect(JSON.stringify(doc)).not.toMatch(QUORUM_REMARK);
  expect(page).not.toMatch(QUORUM_REMARK);
}

/**
 * What a reader of the protokoll sees, in order, from the document model: the front page (title,
 * Ärendeförteckning, Tid och plats, attendance), then every paragraph with its presenters and its
 * blocks in order — the first words of each text and bullet, the body phrase and the start of each
 * decision clause (a postponement among them), information lines, the sub-points where they stand —
 * then the distribution list. Texts and clauses are cut to their first words so a page break inside a
 * long one (page header and footer in between) cannot split what is looked for.
 */
export function readingOrder(doc: ProtokollDocument): string[] {
  const block = (b: ContentBlock | SubPointsBlock, subPoints: readonly DocumentSubPoint[]): string[] => {
    switch (b.kind) {
      case 'text': return [clauseStart(b.text)];
      case 'bullets': return b.items.map(clauseStart);
      case 'decision': return [b.bodyPhrase, ...b.clauses.map((c) => `${c.marker} ${clauseStart(c.text)}`)];
      case 'information': return [SV.information];
      case 'actions': return [SV.actions, ...b.actions.map((a) => clauseStart(a.text))];
      case 'recipients': return [SV.recipients, ...b.recipients];
    case 'conflict': return [conflictLine(b.name)];
    case 'adjusted': return [IMMEDIATELY_ADJUSTED];
    case 'reservation': return [reservationLine(b.names), ...(b.motivation ? [RESERVATION_HEADING, clauseStart(b.motivation)] : [])];
      case 'subPoints': return subPoints.flatMap((sp) => part(sp, []));
    }
  };
  const part = (p: DocumentParagraph | DocumentSubPoint, subPoints: readonly DocumentSubPoint[]): string[] => [
    paragraphHeading(p),
    ...(p.presenters.length ? [presentersLine(p.presenters)] : []),
    ...p.content.flatMap((b) => block(b, subPoints)),
  ];
  return [
    doc.kind, doc.bodyName, doc.date, SV.index,
    ...doc.index.flatMap((s) => s.entries.flatMap((e) => [`${e.label} ${e.title}`, ...e.subPoints.map((sp) => `${sp.label} ${sp.title}`)])),
    `${SV.timeAndPlace}: ${doc.timeAndPlace}`,
    `${SV.presentMembers}:`, ...doc.presentMembers.map((m) => m.name),
    ...(doc.excusedMembers.length ? [`${SV.excusedMembers}:`, ...doc.excusedMembers.map((m) => m.name)] : []),
    ...(doc.absentMembers.length ? [`${SV.absentMembers}:`, ...doc.absentMembers.map((m) => m.name)] : []),
    ...(doc.officials.length ? [`${SV.officials}:`, ...doc.officials.map((m) => m.name)] : []),
    ...(doc.secretary ? [`${SV.secretary}: ${doc.secretary.name}`] : []),
    `${SV.signatures}:`,
    ...doc.paragraphs.flatMap((p) => part(p, p.subPoints)),
    ...(doc.distributionList.length ? [SV.recipients, ...doc.distributionList] : []),
  ].map(collapse);
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * The HTML page the tab shows (`GET …/protokoll.html`), as the text a reader sees: it shows the
 * protokoll in reading order, each decision block and each text once (nothing moved, nothing
 * doubled). Returns the text, whitespace collapsed.
 */
export async function expectHtmlInOrder(wire: Wire, meetingId: string, doc: ProtokollDocument): Promise<string> {
  const res = await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.html`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const page = collapse(html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
  expectInOrder(page, readingOrder(doc));
  const blocks = allParts(doc).flatMap((p) => p.content);
  const bodyPhrases = blocks.filter((b) => b.kind === 'decision').map((b) => b.bodyPhrase);
  for (const phrase of new Set(bodyPhrases)) expect({ phrase, times: occurrences(page, phrase) }).toEqual({ phrase, times: bodyPhrases.filter((p) => p === phrase).length });
  const texts = blocks.flatMap((b) => (b.kind === 'text' ? [collapse(b.text)] : []));
  for (const text of new Set(texts)) expect({ text, times: occurrences(page, text) }).toEqual({ text, times: texts.filter((t) => t === text).length });
  return page;
}

/**
 * What must never end a page: the paragraph and sub-point headings, the labels of the front page's
 * lists (`Närvarande ledamöter:`, `Förhinder:`, …), `Underskrifter:`, each `<organ> beslutar`,
 * `Åtgärder` and `Protokollet ska skickas till`.
 */
export function headingsOf(doc: ProtokollDocument): string[] {
  const listLabels = [SV.index, SV.presentMembers, SV.excusedMembers, SV.absentMembers, SV.officials, SV.otherParticipants, SV.signatures].map((l) => (l === SV.index ? l : `${l}:`));
  return [
    ...listLabels,
    ...doc.index.flatMap((s) => (s.heading ? [s.heading] : [])),
    ...allParts(doc).map(paragraphHeading),
    // "Föredragande: …" introduces what follows as a heading does
    ...allParts(doc).flatMap((p) => (p.presenters.length ? [presentersLine(p.presenters)] : [])),
    ...allParts(doc).flatMap((p) => p.content).flatMap((b) => (b.kind === 'decision' ? [b.bodyPhrase] : b.kind === 'reservation' && b.motivation ? [RESERVATION_HEADING] : [])),
    SV.actions, SV.recipients,
  ];
}

/**
 * The Word document the server serves, opened by LibreOffice (a second, independent reader of Word
 * files): converted to PDF, its text shows the protokoll in reading order, every page says `Sida x av
 * y`, and no heading is the last line of a page (keep-with-next). The .docx, the PDF, its text and a
 * PNG of every page are kept in test-artifacts/replay/ to look at. Returns the PNG paths and the pages.
 */
export async function expectReadablePdf(wire: Wire, meetingId: string, name: string, doc: ProtokollDocument): Promise<{ pngs: string[]; pages: string[] }> {
  requireDocumentTools();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `protokoll-${name}-`));
  try {
    const res = await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`);
    expect(res.status).toBe(200);
    const docx = Buffer.from(await res.arrayBuffer());
    fs.writeFileSync(artifactPath('replay', `${name}.docx`), docx);
    const { pdf, text } = await docxToPdf(docx, directory, name);
    fs.copyFileSync(pdf, artifactPath('replay', `${name}.pdf`));
    fs.writeFileSync(artifactPath('replay', `${name}.pdf.txt`), text);
    const pages = pagesOf(text);
    const pngs = await keepAllPages(pdf, path.dirname(artifactPath('replay', name)), name);
    expectInOrder(collapse(text), readingOrder(doc));
    expect(pagesWithoutNumber(pages)).toEqual([]);
    expect(headingsEndingPages(pages, headingsOf(doc))).toEqual([]);
    expect(pngs).toHaveLength(pages.length);
    return { pngs, pages };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
