/**
 * The protokoll the API serves is the version the approvers approve (PRODUCT.md, The record during
 * justering), over real HTTP: while the meeting runs it is rendered live; during justering
 * `protokoll.docx` is the stored bytes of the current version, the SHA-256 the approval card shows,
 * before and after a change makes version 2; once locked it is the stored final. The JSON and HTML
 * carry the same version's number, status and SHA-256, and the JSON model renders back to exactly
 * the stored bytes, so what the tab previews is what was approved.
 */
import { createHash } from 'node:crypto';
import type { StoredDocumentVersion } from '../../../bot/src/core/ports';
import { renderDocx } from '../../../bot/src/documents/protokoll.docx';
import type { ProtokollJson } from '../../../bot/src/http/protokoll.routes';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { describeEachStore } from '../../support/stores';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { useWire } from '../../support/wire';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'c1000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'c1000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'c1000000-0000-4000-8000-000000000003' };
const at = (minutes: number) => new Date(Date.parse('2024-04-22T07:00:00.000Z') + minutes * 60_000).toISOString();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachStore('the protokoll served during justering', (store) => {
  const wire = useWire(store);
  const channel = () => new TeamsChannel({ teamId: '19:served-team@thread.tacv2', teamName: 'Samverkan Väst', channelId: '19:served@thread.tacv2' }, wire.connector.url);
  let meetingId: string;

  const say = async (who: Person, text: string, minute: number): Promise<string> => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, channel().message(who, text, at(minute)));
    expect(res.status).toBe(200);
    return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };
  /** The SHA-256 on the approval card as last posted or updated: the card shows its first 16 hex digits. */
  const cardSha = (): string => {
    const cards = wire.connector.messages.flatMap((m) => (m.attachments ?? []).map((a: any) => a.content));
    const facts = cards.flatMap((c: any) => (c?.body ?? []).filter((e: any) => e.type === 'FactSet').flatMap((e: any) => e.facts));
    const shas = facts.filter((f: any) => f.title === 'SHA-256').map((f: any) => f.value as string);
    expect(shas.length).toBeGreaterThan(0);
    return shas[shas.length - 1]!;
  };
  const latest = async (): Promise<StoredDocumentVersion> => (await repositoriesFor(store().db).documents.latest(meetingId))!;
  const storedBytes = async (version: StoredDocumentVersion) => (await repositoriesFor(store().db).documents.bytes(meetingId, version.id))!;
  const get = (suffix: string) => fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll${suffix}`);
  const docx = async () => {
    const res = await get('.docx');
    expect(res.status).toBe(200);
    return { bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  };
  const json = async () => (await (await get('')).json()) as ProtokollJson;
  /** The served JSON model, rendered to Word: exactly the stored bytes when it is the stored version. */
  const renderedFromJson = async () => {
    const { storedVersion: _version, ...doc } = await json();
    return sha256(await renderDocx(doc));
  };

  /** Everything the API says about the version served equals the stored `version`, which the card names. */
  async function expectServed(version: StoredDocumentVersion, status: 'justering' | 'justerat') {
    const served = await docx();
    expect(sha256(served.bytes)).toBe(version.sha256);
    expect(served.bytes.equals(await storedBytes(version))).toBe(true);
    expect(cardSha()).toBe(version.sha256.slice(0, 16));
    expect(served.headers.get('etag')).toBe(`"${version.sha256}"`);
    expect(served.headers.get('protokoll-version')).toBe(String(version.version));
    expect(served.headers.get('protokoll-sha256')).toBe(version.sha256);
    expect(served.headers.get('protokoll-status')).toBe(status);

    const doc = await json();
    expect(doc).toMatchObject({ status, versionLabel: `Version ${version.version}`, createdAt: version.createdAt });
    expect(doc.storedVersion).toEqual({ number: version.version, sha256: version.sha256, status, createdAt: version.createdAt });
    expect(await renderedFromJson()).toBe(version.sha256);

    const html = await get('.html');
    expect(html.headers.get('protokoll-version')).toBe(String(version.version));
    expect(html.headers.get('protokoll-sha256')).toBe(version.sha256);
    expect(html.headers.get('protokoll-status')).toBe(status);
    const page = await html.text();
    expect(page).toContain(`<meta name="protokoll-sha256" content="${version.sha256}">`);
    expect(page).toContain(status === 'justerat' ? `<span class="mark">Version ${version.version}</span>` : `<span class="mark draft">UTKAST · Version ${version.version}</span>`);
  }

  it('renders the running meeting live: no stored version, no version headers', async () => {
    await deliver(wire.app.url, channel().install(at(-10)));
    await say(sandra, [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot',
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -9);
    await deliver(wire.app.url, channel().meetingStarted(at(0)));
    await deliver(wire.app.url, channel().participants('join', [mats, anna, sandra], at(0)));
    await say(sandra, 'bekräfta Mats Wennstig', 1);
    await say(sandra, 'bekräfta Anna-Karin Åkesson', 1);
    await say(sandra, 'beslut godkänna dagordningen', 2);
    await say(sandra, 'justerare Anna-Karin Åkesson', 3);
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Samverkan Väst')!;
    meetingId = (await repos.meetings.list(group.id))[0]!.id;

    const live = await docx();
    expect(live.headers.get('protokoll-version')).toBeNull();
    expect(live.headers.get('etag')).toBe(`"${sha256(live.bytes)}"`);
    const doc = await json();
    expect(doc).toMatchObject({ status: 'utkast', storedVersion: null });
    expect((await get('.html')).headers.get('protokoll-sha256')).toBeNull();
    expect(await repos.documents.latest(meetingId)).toBeNull();
  });

  it('during justering serves the stored bytes of version 1, whose SHA-256 the card shows', async () => {
    expect(await say(sandra, 'avsluta', 60)).toMatch(/\(version 1\) väntar på justering av Mats Wennstig, Anna-Karin Åkesson/);
    const first = await latest();
    expect(first).toMatchObject({ version: 1, final: false });
    await expectServed(first, 'justering');
    // read again later: the same bytes, not a new rendering
    expect(sha256((await docx()).bytes)).toBe(first.sha256);
  });

  it('after a change serves version 2, and the card names version 2', async () => {
    const first = await latest();
    await say(mats, 'justera', 62);
    await say(sandra, 'punkt 1', 63);
    expect(await say(sandra, 'anteckning Dagordningen godkändes utan ändringar.', 64)).toMatch(/Utkastet är nu version 2\. Justeringen börjar om\./);
    const second = await latest();
    expect(second).toMatchObject({ version: 2, final: false });
    expect(second.sha256).not.toBe(first.sha256);
    await expectServed(second, 'justering');
    // the note typed after the decision, printed after it
    expect((await json()).paragraphs[0]!.content).toEqual([
      { kind: 'decision', bodyPhrase: 'Samverkan Väst beslutar', clauses: [{ marker: 'att', text: 'godkänna dagordningen' }], postponed: false },
      { kind: 'text', text: 'Dagordningen godkändes utan ändringar.' },
    ]);
  });

  it('after the lock serves the final stored bytes, with the approvals and the approved version as the final prints them', async () => {
    const approved = await latest();
    await say(mats, 'justera', 70);
    expect(await say(anna, 'justera', 71)).toMatch(/Protokollet är justerat .* och låst/);
    const final = await latest();
    expect(final).toMatchObject({ version: 3, final: true });
    await expectServed(final, 'justerat');
    const doc = await json();
    expect(doc.approval).toEqual({ approvedVersionLabel: 'Version 2', sha256: approved.sha256 });
    expect(doc.signatures.filter((s) => s.approvedAt).map((s) => s.name).sort()).toEqual(['Anna-Karin Åkesson', 'Mats Wennstig']);
    expect(await (await get('.html')).text()).toContain(`Justerad version: Version 2, SHA-256 ${approved.sha256}`);
  });
});
