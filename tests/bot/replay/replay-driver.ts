/**
 * Replays a real protokoll (the reference minutes' text, kept in tests/fixtures/replay) through the bot's chat commands
 * over the wire, and compares the protokoll the bot writes with expectations transcribed from the
 * original (tests/fixtures/replay/*.expected.json). Used by reference-*.replay.spec.ts.
 *
 * A script is what the secretary would do: the roster, settings and agenda before the meeting, then
 * the meeting as a list of steps (one chat command, or participants joining/leaving), one minute
 * apart on Teams' clock, then `avsluta`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { StoreConnection } from '../../../bot/src/store/database';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import type { ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { artifactPath } from '../../support/browser';
import { deliver, TeamsChannel, type ChannelPlace, type Person } from '../../support/teams-activities';
import type { Wire } from '../../support/wire';
import { expectInOrder } from '../../unit/documents/expect-order';

const run = promisify(execFile);

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
  /** `ledamöter` lines: `Namn; titel; huvudman; roll` */
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
  clauses: string[];
}
export interface ExpectedParagraph extends ExpectedPart {
  postponed: boolean;
  subPoints: ExpectedPart[];
}
export interface Expected {
  source: string;
  paragraphs: ExpectedParagraph[];
  attendance: null | {
    chair: string;
    secretary: string;
    secretaryAlsoListedAsMember: boolean;
    presentMembers: string[];
    partlyPresent: string[];
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

/** Every string of the expectations occurs in the original (after collapsing whitespace). */
export function expectBoundToOriginal(expected: Expected): void {
  const original = collapse(fs.readFileSync(path.join(REFERENCE_DIR, expected.source), 'utf8'));
  const strings = [
    ...expected.paragraphs.flatMap((p) => [p, ...p.subPoints]).flatMap((p) => [p.title, ...p.presenters, ...p.clauses]),
    ...(expected.attendance ? [...expected.attendance.presentMembers, ...expected.attendance.absentMembers, expected.attendance.chair, expected.attendance.secretary] : []),
    ...expected.distributionList,
    ...(expected.timeAndPlace ? [expected.timeAndPlace] : []),
  ];
  const missing = strings.filter((s) => !original.includes(collapse(s)));
  expect(missing).toEqual([]);
}

/** The protokoll's paragraphs as the same shape as the expectations. */
export function paragraphsOf(doc: ProtokollDocument): ExpectedParagraph[] {
  const part = (p: ProtokollDocument['paragraphs'][number] | ProtokollDocument['paragraphs'][number]['subPoints'][number]): ExpectedPart => ({
    title: p.title, presenters: p.presenters, clauses: p.decision?.clauses.map((c) => c.text) ?? [],
  });
  return doc.paragraphs.map((p) => ({ ...part(p), postponed: p.decision?.closing === 'postponed', subPoints: p.subPoints.map(part) }));
}

/** The protokoll's paragraph headings, present and absent members and distribution list equal the original's. */
export function expectSameAsOriginal(doc: ProtokollDocument, expected: Expected): void {
  const normalise = (p: ExpectedParagraph): ExpectedParagraph => ({
    title: collapse(p.title), presenters: p.presenters.map(collapse), clauses: p.clauses.map(collapse), postponed: p.postponed,
    subPoints: p.subPoints.map((s) => ({ title: collapse(s.title), presenters: s.presenters.map(collapse), clauses: s.clauses.map(collapse) })),
  });
  expect(paragraphsOf(doc).map(normalise)).toEqual(expected.paragraphs.map(normalise));
  expect(doc.distributionList).toEqual(expected.distributionList);
  if (expected.timeAndPlace) expect(doc.timeAndPlace).toBe(expected.timeAndPlace);

  const attendance = expected.attendance;
  if (!attendance) return;
  const present = doc.presentMembers.map((m) => m.name);
  // The protokoll orders the chair first, then by huvudman and name; the original in its own order:
  // the chair's place is compared, the rest as sets.
  expect(present[0]).toBe(attendance.chair);
  expect(doc.presentMembers[0]!.roleLabel).toBe('Ordförande');
  expect(doc.secretary?.name).toBe(attendance.secretary);
  const listed = attendance.secretaryAlsoListedAsMember ? [...present, doc.secretary!.name] : present;
  const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'sv'));
  expect(sorted(listed)).toEqual(sorted(attendance.presentMembers));
  expect(sorted(doc.absentMembers.map((m) => m.name))).toEqual(sorted(attendance.absentMembers));
  expect(doc.presentMembers.filter((m) => m.partialPresence !== '').map((m) => m.name).sort()).toEqual([...attendance.partlyPresent].sort());
}

/**
 * The Word document opened by LibreOffice: converted to PDF, its text shows the paragraph headings in
 * order, and the first two pages are kept as PNGs in test-artifacts/replay/. Returns the PNG paths.
 */
export async function expectReadablePdf(wire: Wire, meetingId: string, name: string, doc: ProtokollDocument): Promise<string[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `protokoll-${name}-`));
  try {
    const res = await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`);
    expect(res.status).toBe(200);
    const docx = path.join(directory, `${name}.docx`);
    fs.writeFileSync(docx, Buffer.from(await res.arrayBuffer()));
    const profile = `file://${path.join(directory, 'lo-profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', directory, docx], { timeout: 110_000 });
    const pdf = path.join(directory, `${name}.pdf`);
    expect(fs.existsSync(pdf)).toBe(true);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    const text = collapse(stdout);
    // the body's headings, after the Ärendeförteckning (which lists the same titles)
    const headings = doc.paragraphs.map((p) => collapse([p.label, p.title, p.typeTag].filter(Boolean).join(' ')));
    expectInOrder(text, [...headings, ...headings]);
    const prefix = artifactPath('replay', name);
    for (const old of fs.readdirSync(path.dirname(prefix)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) {
      fs.rmSync(path.join(path.dirname(prefix), old));
    }
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, prefix]);
    const pngs = fs.readdirSync(path.dirname(prefix)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
    expect(pngs).toHaveLength(2);
    return pngs.map((f) => path.join(path.dirname(prefix), f));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
