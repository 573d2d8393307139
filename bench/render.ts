/** Rendering a 30-paragraph protokoll recorded through the bot, to .docx and to HTML. */
import type { StoreConnection } from '../bot/src/store/database';
import { DatabaseUnitOfWork } from '../bot/src/store/unit-of-work';
import { loadMeetingRecord } from '../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../bot/src/documents/protokoll.mapping';
import { renderDocx } from '../bot/src/documents/protokoll.docx';
import { renderHtml } from '../bot/src/documents/protokoll.html';
import { summarise, timed, type Summary } from './stats';
import { mustDeliver, secretary, tick, type TeamsChannel } from './teams';

export const RENDER_PARAGRAPHS = 30;

/** Fills the channel's running meeting to 30 paragraphs with notes, decisions and actions, and ends it. */
export async function recordLongMeeting(url: string, channel: TeamsChannel): Promise<void> {
  const say = (text: string) => mustDeliver(url, channel.message(secretary, text, tick()));
  // The standard items are there already (dagordning, föregående protokoll, övrigt, nästa möte).
  for (let i = 5; i <= RENDER_PARAGRAPHS; i++) await say(`ny punkt Ärende ${i} om vårdsamverkan (I/D/B)`);
  for (let i = 1; i <= RENDER_PARAGRAPHS; i++) {
    await say(`punkt ${i}`);
    await say(`föredragande Person ${1 + (i % 7)}`);
    await say(`anteckning Redovisning av läget i punkt ${i}.\n• Första iakttagelsen\n• Andra iakttagelsen\nGruppen diskuterar fortsättningen.`);
    await say(`beslut godkänna redovisningen i punkt ${i}`);
    if (i % 3 === 0) await say(`åtgärd Återkoppla om punkt ${i} ansvarig Person 2 senast 2030-02-01`);
  }
  await say('sändlista Ledamöter, LSVO, Föredragande');
  await say('avsluta');
}

export async function renderTimes(store: StoreConnection, groupName: string, rounds: number): Promise<{ docx: Summary; html: Summary; paragraphs: number }> {
  const uow = new DatabaseUnitOfWork(store.db);
  const now = new Date().toISOString();
  const record = await uow.read(async (repos) => {
    const group = (await repos.groups.listAll()).find((g) => g.name === groupName)!;
    const [meeting] = await repos.meetings.list(group.id);
    return loadMeetingRecord(repos, group, meeting!.id, now);
  });
  const render = { status: 'utkast' as const, version: 1, renderedAt: now };
  const docx: number[] = [];
  const html: number[] = [];
  for (let i = 0; i < rounds; i++) {
    docx.push(await timed(() => renderDocx(toProtokollDocument(record, render))));
    html.push(await timed(async () => renderHtml(toProtokollDocument(record, render))));
  }
  return { docx: summarise(docx), html: summarise(html), paragraphs: toProtokollDocument(record, render).paragraphs.length };
}
