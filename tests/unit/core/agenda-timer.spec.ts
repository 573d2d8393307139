/**
 * The agenda timer: time per item from the recorded moves (a return to an item adds to it, the last
 * visit runs until now or the meeting's end), the overrun rule, `tid <minuter>` as typed, and
 * `(10 min)` after an item in the invitation.
 */
import { ranOver, timeUsedPerItem, wholeMinutes } from '../../../bot/src/core/agenda-timer';
import { parseCommand } from '../../../bot/src/core/commands/command.parser';
import { parseEventAgenda } from '../../../bot/src/core/event-agenda-parser';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 28, 12, minute, second)).toISOString();

describe('timeUsedPerItem', () => {
  it('counts each visit until the next opens, the last until the end, and adds returns to an item', () => {
    const used = timeUsedPerItem([
      { itemId: 'b', openedAt: at(10) },
      { itemId: 'a', openedAt: at(0) },
      { itemId: 'a', openedAt: at(15) },
    ], at(20));
    expect(Object.fromEntries(used)).toEqual({ a: 15 * 60_000, b: 5 * 60_000 });
  });

  it('gives nothing for no visits and never a negative time', () => {
    expect(timeUsedPerItem([], at(5)).size).toBe(0);
    expect(timeUsedPerItem([{ itemId: 'a', openedAt: at(10) }], at(5)).get('a')).toBe(0);
  });

  it.each([
    [10 * 60_000, 10, false],
    [10 * 60_000 + 999, 10, false],
    [10 * 60_000 + 1000, 10, true],
    [99 * 60_000, null, false],
    [99 * 60_000, undefined, false],
  ])('ranOver(%i ms, plan %p) is %p', (used, planned, expected) => {
    expect(ranOver(used, planned)).toBe(expected);
  });

  it('shows whole minutes, rounded down', () => {
    expect(wholeMinutes(59_999)).toBe(0);
    expect(wholeMinutes(12 * 60_000 + 59_000)).toBe(12);
  });
});

describe('tid <minuter>', () => {
  it.each([['tid 10', 10], ['tid 10 min', 10], ['TID 45 minuter', 45], ['tid 600', 600], ['tid 5 min.', 5]])('%j plans %i minutes', (text, minutes) => {
    expect(parseCommand(text)).toEqual({ ok: true, command: { kind: 'planned-time', minutes } });
  });

  it.each([['tid', 'Antalet minuter saknas'], ['tid 0', 'inget antal minuter'], ['tid 601', 'inget antal minuter'], ['tid tio', 'inget antal minuter'], ['tid -5', 'inget antal minuter']])(
    'rejects %j in Swedish with the syntax', (text, part) => {
      const result = parseCommand(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toContain(part);
        expect(result.error.message).toContain('tid <minuter>');
      }
    });
});

describe('planned minutes in the invitation', () => {
  it('reads `(10 min)` after an item, before or after its type tag, and leaves it out of the title', () => {
    const items = parseEventAgenda({ contentType: 'text', content: ['1. Budget 2025 (B) (10 min)', '2. Vårdplatser (20 minuter) (I)', '3. Övriga frågor'].join('\n') });
    expect(items.map((i) => [i.title, i.typeTag, i.plannedMinutes])).toEqual([
      ['Budget 2025', 'B', 10],
      ['Vårdplatser', 'I', 20],
      ['Övriga frågor', null, undefined],
    ]);
  });
});
