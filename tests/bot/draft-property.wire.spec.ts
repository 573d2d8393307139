/**
 * What the approvers approve is what gets locked: a property over generated sequences. Each
 * sequence (seeded, reproducible) sends 3–8 changes to a draft awaiting justering, interleaved with
 * approvals, change requests and clicks on stale approval cards by the chair and the justerare, then
 * every approver approves the current version (a version somebody asked to change is changed
 * first: `avsluta` alone makes no new version). After every step, what the database holds still
 * renders to the current version's exact bytes (nothing changed without a new version); at the end,
 * the locked protokoll prints what the approved version printed, apart from the approval stamp, the
 * approved version is the last one before the final, and every approval the final carries was
 * given to that version. A failure names its seed: PROPERTY_SEED=<seed> runs that sequence first.
 */
import { formatClock, stockholmDate } from '../../bot/src/core/swedish-time';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { useWire } from '../support/wire';
import { meetingWithDraft } from '../support/draft-meeting';
import { describeEachStore } from '../support/stores';
import { draftState, printedText, renderedNow, sha256, storedBytes, withoutApprovalStamp, type DraftState } from '../support/draft-state';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'f0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'f0000000-0000-4000-8000-000000000003' };
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'f0000000-0000-4000-8000-000000000004' };
const PEOPLE = [sandra, mats, anna, tina];
const at = (minutes: number) => new Date(Date.parse('2024-05-13T07:00:00.000Z') + minutes * 60_000).toISOString();

const SEQUENCES = 12;
const BASE_SEED = Number(process.env.PROPERTY_SEED ?? 20240513);

/**
 * Reproducible pseudo-random numbers in [0, 1): a 32-bit linear congruential generator, its seed
 * scrambled first (neighbouring seeds would otherwise start almost alike).
 */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b) >>> 0;
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0;
  state = (state ^ (state >>> 16)) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Random = ReturnType<typeof lcg>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** The draft has paragraphs 1–6 (standard items, Budget 2024, Rapport från arbetsgruppen, Övriga frågor, Nästa sammanträde). */
const DURING_THE_MEETING = [
  ['ledamöter', 'Tina Olsson; enhetschef; Karlskrona kommun; ledamot'].join('\n'),
  'ny punkt Budget 2024 (B)',
  'ny punkt Rapport från arbetsgruppen (I)',
];

/** A change to what the draft prints, as the secretary's messages; `n` makes texts unique. */
type Change = (random: Random, n: number) => string[];
const inParagraph = (command: (random: Random, n: number) => string): Change => (random, n) => [`punkt ${1 + Math.floor(random() * 6)}`, command(random, n)];

const CHANGES: Change[] = [
  inParagraph((_r, n) => `anteckning Diskussion ${n}: gruppen för ett resonemang om läget.`),
  inParagraph((_r, n) => `beslut ge arbetsgruppen uppdrag ${n}`),
  inParagraph((r) => `föredragande ${pick(r, ['Tina Olsson', 'Mats Wennstig', 'Anna-Karin Åkesson, Tina Olsson'])}`),
  inParagraph(() => 'information'),
  inParagraph(() => 'bordlägg'),
  inParagraph((_r, n) => `skickas till Mottagare ${n}`),
  inParagraph((_r, n) => `åtgärd Följa upp ärende ${n} ansvarig Tina Olsson senast 2024-06-${10 + (n % 20)}`),
  (_r, n) => [`sändlista Huvudman ${n}`],
  () => ['närvarande Tina Olsson'],
  (r) => [`justering senast 2024-05-${String(14 + Math.floor(r() * 14)).padStart(2, '0')} kl. 1${Math.floor(r() * 6)}.00`],
  () => ['justerare Tina Olsson'],
  (_r, n) => [['ledamöter', `Anna-Karin Åkesson; verksamhetschef ${n}; Ronneby kommun; ledamot`].join('\n')],
  // changes nothing printed: answers which version awaits whom, and makes no version
  () => ['avsluta'],
];

/**
 * Group settings the document prints. They are left out of the sequences above while the draft
 * rule misses them (see the failing test at the end and draft-invariant.wire.spec.ts).
 */
const GROUP_SETTINGS: Change[] = [
  (_r, n) => [`beslutsorgan Samverkansgrupp ${n}`],
  (r) => [pick(r, ['numrering år start 20', 'numrering år-suffix', 'numrering möte-parentes'])],
];

describeEachStore('what is approved is what is locked (generated sequences)', (store) => {
  const wire = useWire(store);
  let serial = 0;

  async function runSequence(seed: number, changes: Change[], firstChanges: Change[] = []): Promise<void> {
    const random = lcg(seed);
    const log: string[] = [];
    serial += 1;
    const groupName = `Egenskapsgrupp ${serial}`;
    const channel = new TeamsChannel({ teamId: `19:prop-team-${serial}@thread.tacv2`, teamName: groupName, channelId: `19:prop-${serial}@thread.tacv2` }, wire.connector.url);
    let minute = 61;
    const state = () => draftState(store(), groupName);
    const personNamed = (name: string) => PEOPLE.find((p) => p.name === name)!;
    const say = async (who: Person, text: string) => {
      log.push(`${who.name.split(' ')[0]}: ${text.replace(/\n/g, ' / ')}`);
      const before = wire.connector.messages.length;
      await deliver(wire.app.url, channel.message(who, text, at(minute++)));
      return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
    };
    const click = async (who: Person, version: { id: string; version: number }, meetingId: string) => {
      log.push(`${who.name.split(' ')[0]}: [Justera] in the card of version ${version.version}`);
      const response = await deliver(wire.app.url, channel.cardAction(who, 'approval.approve', { meetingId, documentVersionId: version.id }, at(minute++)));
      return response.body?.value;
    };
    /** The chair and the meeting's justerare, as people who can write to the bot. */
    const approvers = async (s: DraftState) => {
      const roster = await repositoriesFor(store().db).roster.list(s.groupId);
      const ids = new Set([...roster.filter((m) => m.roles.includes('ordförande')).map((m) => m.id), ...s.meeting.adjusterMemberIds]);
      return roster.filter((m) => ids.has(m.id)).map((m) => ({ memberId: m.id, person: personNamed(m.name) }));
    };
    /** After every step while the draft awaits justering: no silent change, approvals only from approvers. */
    const checkDraft = async () => {
      const s = await state();
      expect(s.meeting.status).toBe('justering');
      expect(s.latest.final).toBe(false);
      const rendered = await renderedNow(store(), s);
      expect(rendered.nowText).toBe(rendered.storedText);
      expect(rendered.now).toBe(rendered.stored);
      const allowed = new Set((await approvers(s)).map((a) => a.memberId));
      for (const approval of s.approvals) expect(allowed.has(approval.memberId)).toBe(true);
      return s;
    };
    /** A change by the secretary: a new version exactly when the printed content changed, said in the answer. */
    const change = async (make: Change, n: number) => {
      const before = await state();
      const texts = make(random, n);
      let answer = '';
      for (const text of texts) answer = await say(sandra, text);
      const after = await checkDraft();
      if (texts[texts.length - 1] === 'avsluta') {
        expect(after.latest).toEqual(before.latest);
        expect(after.approvals).toEqual(before.approvals);
        expect(answer).toMatch(new RegExp(`Inget i protokollet har ändrats sedan version ${before.latest.version}, så ingen ny version skapas\\.`));
        return;
      }
      if (after.latest.version === before.latest.version) {
        expect(after.latest).toEqual(before.latest);
        expect(answer).not.toMatch(/version \d/);
        return;
      }
      expect(after.latest.version).toBe(before.latest.version + 1);
      expect(after.latest.sha256).not.toBe(before.latest.sha256);
      expect(after.approvals).toEqual([]);
      expect(answer).toMatch(new RegExp(`Utkastet är nu version ${after.latest.version}\\. Justeringen börjar om\\.`));
      expect(after.latest.contentDigest).not.toBe(before.latest.contentDigest);
    };

    /** One approver acts: approves (chat or card), asks for a change, or clicks an outdated card — never the last approval. */
    const approverActs = async () => {
      const s = await state();
      const all = await approvers(s);
      const { memberId, person } = pick(random, all);
      const approvedBy = new Set(s.approvals.filter((a) => a.decision === 'approved').map((a) => a.memberId));
      const roll = random();
      if (roll < 0.2 && s.versions.length > 1) {
        const stale = s.versions[s.versions.length - 2]!;
        expect(await click(person, stale, s.meeting.id)).toMatch(new RegExp(`Utkastet har ändrats sedan kortet skickades\\. Justera version ${s.latest.version} i stället`));
        expect((await checkDraft()).approvals).toEqual(s.approvals);
      } else if (roll < 0.4) {
        const answer = await say(person, `ändra Se över skrivningen i version ${s.latest.version}`);
        const decided = s.approvals.some((a) => a.memberId === memberId);
        expect(answer).toMatch(decided ? /har redan tagit ställning/ : new RegExp(`${person.name} begär ändring i version ${s.latest.version}`));
        await checkDraft();
      } else if (all.every((a) => a.memberId === memberId || approvedBy.has(a.memberId))) {
        log.push(`(${person.name.split(' ')[0]} would lock it: waits)`);
      } else {
        if (random() < 0.5) await click(person, s.latest, s.meeting.id);
        else await say(person, 'justera');
        const after = await checkDraft();
        expect(after.latest).toEqual(s.latest);
        expect(after.approvals.some((a) => a.memberId === memberId)).toBe(true);
      }
    };

    try {
      await meetingWithDraft(wire.app.url, channel, { chair: mats, adjuster: anna, secretary: sandra }, at, DURING_THE_MEETING, [tina]);
      await checkDraft();
      const count = 3 + Math.floor(random() * 6);
      for (let n = 1; n <= count; n++) {
        for (let k = Math.floor(random() * 3); k > 0; k--) await approverActs();
        await change(firstChanges[n - 1] ?? pick(random, changes), n);
      }
      for (let k = Math.floor(random() * 3); k > 0; k--) await approverActs();

      // To the lock: a version somebody asked to change gets the change (a new version), then everyone approves it.
      let s = await state();
      if (s.approvals.some((a) => a.decision !== 'approved')) {
        await change(() => ['punkt 1', `anteckning Ändrat efter begäran ${count + 1}.`], count + 1);
        s = await state();
      }
      const required = await approvers(s);
      const waiting = required.filter((a) => !s.approvals.some((x) => x.memberId === a.memberId));
      for (const [i, { person }] of waiting.entries()) {
        const answer = await say(person, 'justera');
        if (i === waiting.length - 1) expect(answer).toMatch(/Protokollet är justerat .* och låst/);
      }
      const approved = s;

      const locked = await state();
      expect(locked.meeting.status).toBe('justerat');
      expect(locked.latest.final).toBe(true);
      // the approved version is the last one before the final, and nothing but the final is final
      expect(locked.versions.map((v) => v.version)).toEqual(locked.versions.map((_v, i) => i + 1));
      expect(locked.versions.filter((v) => v.final).map((v) => v.id)).toEqual([locked.latest.id]);
      expect(locked.versions[locked.versions.length - 2]!.id).toBe(approved.latest.id);
      // a version was made only when the printed content changed
      const digests = await store().db.selectFrom('document_versions').select(['version', 'content_digest']).where('meeting_id', '=', locked.meeting.id).orderBy('version').execute();
      for (let i = 1; i < digests.length - 1; i++) expect(digests[i]!.content_digest).not.toBe(digests[i - 1]!.content_digest);

      // every approval of the locked protokoll was given to the approved version, by each required approver
      const repos = repositoriesFor(store().db);
      const given = await repos.documents.approvals(approved.latest.id);
      expect(given.map((a) => [a.memberId, a.decision]).sort()).toEqual(required.map((a) => [a.memberId, 'approved']).sort());
      expect(await repos.documents.approvals(locked.latest.id)).toEqual([]);

      // the locked document prints the approved content; its stamps are those approvals, its hash line that version
      expect(locked.latest.contentDigest).toBe(approved.latest.contentDigest);
      const approvedBytes = await storedBytes(store(), approved.meeting.id, approved.latest.id);
      const finalBytes = await storedBytes(store(), locked.meeting.id, locked.latest.id);
      expect(sha256(approvedBytes)).toBe(approved.latest.sha256);
      expect(sha256(finalBytes)).toBe(locked.latest.sha256);
      const approvedText = printedText(approvedBytes);
      const finalText = printedText(finalBytes);
      expect(withoutApprovalStamp(finalText)).toBe(withoutApprovalStamp(approvedText));
      expect(finalText).toContain(`Justerad version: Version ${approved.latest.version}, SHA-256 ${approved.latest.sha256}`);
      const stamps = finalText.split('\n').filter((line) => line.startsWith('Justerat digitalt')).sort();
      expect(stamps).toEqual(given.map((a) => `Justerat digitalt ${stockholmDate(a.at)} kl. ${formatClock(a.at)}`).sort());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`seed ${seed} (PROPERTY_SEED=${seed}), steps:\n  ${log.join('\n  ')}\n\n${message}`);
    }
  }

  for (let i = 0; i < SEQUENCES; i++) {
    const seed = BASE_SEED + i;
    it(`sequence with seed ${seed}`, () => runSequence(seed, [...CHANGES, ...GROUP_SETTINGS]));
  }

  // A change to the group's own printed settings (deciding body, numbering) in the turn right before
  // the last approval: the rule sees it in that very turn, so no approver's text is locked unseen.
  it('sequences that change printed group settings', async () => {
    for (let i = 0; i < 4; i++) await runSequence(BASE_SEED + 1000 + i, [...CHANGES, ...GROUP_SETTINGS], [GROUP_SETTINGS[i % GROUP_SETTINGS.length]!]);
  });
});
