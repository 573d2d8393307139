/**
 * Replays a real protokoll (the reference minutes' text, kept in tests/fixtures/replay) through the bot's chat commands
 * over the wire, and compares the protokoll the bot writes with expectations transcribed from the
 * original (tests/fixtures/replay/*.expected.json). Used by reference-*.replay.spec.ts.
 *
 * A script is what the secretary would do: the roster, settings and agenda before the meeting, then
 * the meeting as a list of steps (one chat command, or participants joining/leaving), one minute
 * apart on Teams' clock, then `avsluta`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreConnection } from '../../../bot/src/store/database';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import type { DocumentSubPoint, ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { SV, paragraphHeading, presentersLine } from '../../../bot/src/documents/strings.sv';
import { artifactPath } from '../../support/browser';
import { docxToPdf, keepPages, requireDocumentTools } from '../../support/libreoffice';
import { deliver, TeamsChannel, type ChannelPlace, type Person } from '../../support/teams-activities';
import type { Wire } from '../../support/wire';
import { expectInOrder } from '../../unit/documents/expect-order';

/** The originals' text, as extracted from the real Word documents. */
export const REFERENCE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'replay');

export type Step = string | { join: string[] } | { leave: string[] };

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

export interface ExpectedPart {
  title: string;
  presenters: string[];
  /** the text after `att` of each clause, in order */
  clauses: string[];
}
export interface ExpectedParagraph extends ExpectedPart {
  /** the original decides `att Denna punkt tas upp vid nästa möte.`: the bot's `bordlägg` */
  postponed: boolean;
  subPoints: ExpectedPart[];
}
export interface Expected {
  /** the original's text, in tests/fixtures/replay/ */
  source: string;
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
  for (const step of script.during) {
    if (typeof step === 'string') await say(step, minute);
    else if ('join' in step) await send(channel.participants('join', step.join.map(person), at(minute)), `join ${step.join.join(', ')}`);
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

/**
 * Every string of the expectations occurs in the original, compared after collapsing whitespace
 * (the extract breaks lines where the Word document wrapped them). A partial-presence mark must
 * follow its person's name in the original, before the next person listed.
 */
export function expectBoundToOriginal(expected: Expected): void {
  const original = collapse(fs.readFileSync(path.join(REFERENCE_DIR, expected.source), 'utf8'));
  const attendance = expected.attendance;
  const strings = [
    ...expected.paragraphs.flatMap((p) => [p, ...p.subPoints]).flatMap((p) => [p.title, ...p.presenters, ...p.clauses]),
    ...(expected.postponedPhrase ? [expected.postponedPhrase] : []),
    ...(attendance ? [...attendance.presentMembers, ...attendance.absentMembers, attendance.chair, attendance.secretary] : []),
    ...expected.distributionList,
    ...(expected.timeAndPlace ? [expected.timeAndPlace] : []),
  ];
  const missing = strings.filter((s) => !original.includes(collapse(s)));
  expect(missing).toEqual([]);
  if (!attendance) return;
  const listed = [...attendance.presentMembers, ...attendance.absentMembers];
  for (const [name, mark] of Object.entries(attendance.partlyPresent)) {
    const from = original.indexOf(name) + name.length;
    const next = Math.min(...listed.map((other) => original.indexOf(other, from)).filter((at) => at >= 0), original.length);
    expect({ name, line: original.slice(from, next) }).toEqual({ name, line: expect.stringContaining(mark) });
  }
}

/**
 * The protokoll's paragraphs as the same shape as the expectations: a postponed paragraph's last
 * clause is its postponement, compared on its own (`postponed`, `postponedPhrase`).
 */
export function paragraphsOf(doc: ProtokollDocument): ExpectedParagraph[] {
  const part = (p: DocumentSubPoint): ExpectedPart => {
    const clauses = p.decision?.clauses.map((c) => c.text) ?? [];
    return { title: p.title, presenters: p.presenters, clauses: p.decision?.closing === 'postponed' ? clauses.slice(0, -1) : clauses };
  };
  return doc.paragraphs.map((p) => ({ ...part(p), postponed: p.decision?.closing === 'postponed', subPoints: p.subPoints.map(part) }));
}

/**
 * The protokoll's paragraph titles, presenters, decision clauses (text after `att`), postponements,
 * attendance and distribution list equal the original's.
 */
export function expectSameAsOriginal(doc: ProtokollDocument, expected: Expected): void {
  const normalise = (p: ExpectedParagraph): ExpectedParagraph => ({
    title: collapse(p.title), presenters: p.presenters.map(collapse), clauses: p.clauses.map(collapse), postponed: p.postponed,
    subPoints: p.subPoints.map((s) => ({ title: collapse(s.title), presenters: s.presenters.map(collapse), clauses: s.clauses.map(collapse) })),
  });
  expect(paragraphsOf(doc).map(normalise)).toEqual(expected.paragraphs.map(normalise));
  // a postponement is printed as the original words it: the last att-clause of its paragraph
  const postponements = doc.paragraphs.filter((p) => p.decision?.closing === 'postponed').map((p) => p.decision!.clauses[p.decision!.clauses.length - 1]);
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
}

/**
 * What a reader of the protokoll sees, in order, from the document model: the front page (title,
 * Ärendeförteckning, Tid och plats, attendance), then every paragraph with its presenters, sub-points,
 * the start of each decision clause (a postponement among them), then the distribution list. Clauses are
 * cut to their first words so a page break inside a long one (page header and footer in between)
 * cannot split what is looked for.
 */
export function readingOrder(doc: ProtokollDocument): string[] {
  const clauseStart = (text: string) => collapse(text).split(' ').slice(0, 5).join(' ');
  const part = (p: DocumentSubPoint) => [
    paragraphHeading(p),
    ...(p.presenters.length ? [presentersLine(p.presenters)] : []),
  ];
  const decision = (p: DocumentSubPoint) => {
    const d = p.decision;
    if (!d) return [];
    return [
      ...(d.clauses.length ? [d.bodyPhrase] : []),
      ...d.clauses.map((c) => `${c.marker} ${clauseStart(c.text)}`),
      ...(d.closing === 'information' ? [SV.information] : []),
    ];
  };
  return [
    doc.kind, doc.bodyName, doc.date, SV.index,
    ...doc.index.flatMap((s) => s.entries.flatMap((e) => [`${e.label} ${e.title}`, ...e.subPoints.map((sp) => `${sp.label} ${sp.title}`)])),
    `${SV.timeAndPlace}: ${doc.timeAndPlace}`,
    `${SV.presentMembers}:`, ...doc.presentMembers.map((m) => m.name),
    ...(doc.absentMembers.length ? [`${SV.absentMembers}:`, ...doc.absentMembers.map((m) => m.name)] : []),
    ...(doc.secretary ? [`${SV.secretary}: ${doc.secretary.name}`] : []),
    `${SV.signatures}:`,
    ...doc.paragraphs.flatMap((p) => [
      ...part(p),
      ...p.subPoints.flatMap((sp) => [...part(sp), ...decision(sp)]),
      ...decision(p),
    ]),
    ...(doc.distributionList.length ? [SV.recipients, ...doc.distributionList] : []),
  ].map(collapse);
}

/**
 * The Word document the server serves, opened by LibreOffice (a second, independent reader of Word
 * files): converted to PDF, its text shows the protokoll in reading order, and the first two pages
 * are kept as PNGs in test-artifacts/replay/. Returns the PNG paths.
 */
export async function expectReadablePdf(wire: Wire, meetingId: string, name: string, doc: ProtokollDocument): Promise<string[]> {
  requireDocumentTools();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `protokoll-${name}-`));
  try {
    const res = await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`);
    expect(res.status).toBe(200);
    const { pdf, text } = await docxToPdf(Buffer.from(await res.arrayBuffer()), directory, name);
    fs.writeFileSync(artifactPath('replay', `${name}.pdf.txt`), text);
    expectInOrder(collapse(text), readingOrder(doc));
    const pngs = await keepPages(pdf, path.dirname(artifactPath('replay', name)), name);
    expect(pngs).toHaveLength(2);
    return pngs;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
