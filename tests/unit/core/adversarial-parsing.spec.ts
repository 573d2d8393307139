/**
 * Every parser of sender text given about 1 MB of hostile text (tests/support/adversarial-text.ts)
 * gives the right answer: the command or entries the text spells, or a clean Swedish refusal. How
 * long that takes is measured by the benchmark (`npm run bench`), not asserted here; before the
 * parsers were made linear several of these cases ran for minutes, which the test timeout catches.
 */
import { ADVERSARIAL_CASES, ADVERSARIAL_SIZE, PARSERS, type ParserName } from '../../support/adversarial-text';
import type { ParseResult } from '../../../bot/src/core/commands/command.parser';
import type { BodyLine } from '../../../bot/src/core/html-lines';
import type { OwnItemDraft } from '../../../bot/src/core/standard-items';
import type { Checked } from '../../../bot/src/core/commands/command.text';
import type { RosterEntryInput } from '../../../bot/src/core/commands/command';

type Results = { [P in ParserName]: ReturnType<(typeof PARSERS)[P]> };
type Check<P extends ParserName> = (result: Results[P], input: string) => void;

const anna: RosterEntryInput = { name: 'Anna Berg', title: 'ledamot', principal: 'Region Blekinge', roles: ['ledamot'], party: null, email: null };
const budget = (extra: Partial<OwnItemDraft> = {}) => ({ title: 'Budget', typeTag: null, section: null, subPoints: [], presenters: [], ...extra });

/** A refusal of a recognised command: its kind, and the problem it names. */
const refused = (kind: string, problem: RegExp) => (result: ParseResult) => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({ code: 'malformed', kind });
  expect(result.error.message).toMatch(problem);
  expect(result.error.message.length).toBeLessThan(2000);
};
const rosterProblem = (problem: RegExp) => (result: Checked<RosterEntryInput[]>) => {
  expect('problem' in result && result.problem).toMatch(problem);
  expect('problem' in result && result.problem.length).toBeLessThan(2000);
};
const unchanged = (result: string, input: string) => expect(result).toBe(input.slice('<at>Protokoll</at> '.length));
const oneLineOf = (text: string) => (result: BodyLine[]) => expect(result).toEqual([{ text, depth: 0 }]);
const countOf = (text: string, unit: string) => text.split(unit).length - 1;

const EXPECTED: { [P in ParserName]: Record<string, Check<P>> } = {
  stripBotMention: {
    'spaces before the mention': (result) => expect(result).toBe('nästa'),
    'spaces, a letter, then the mention': (result) => expect(result).toBe('x nästa'),
    'opening tags that never close': unchanged,
    'opening tags without their >': unchanged,
    'a < before runs of spaces': (result, input) => expect(result).toBe(input.slice('<at>Protokoll</at> '.length).trim()),
    'closing tags only': unchanged,
    'the bot mentioned over and over': (result) => expect(result).toBe(''),
    'mentions of someone else': (result, input) => expect(result).toBe('Anna'.repeat(countOf(input, '<at>Anna</at>'))),
    'entities that never end': unchanged,
    'entities': (result, input) => expect(result).toBe('&'.repeat(countOf(input, '&amp;'))),
  },
  mentionEntity: {
    // the entity's text is no name the message has: nothing is taken for the bot's mention
    'an entity text of opening tags': (result) => expect(result).toBe('Protokoll nästa'),
    'an entity text of < and spaces': (result) => expect(result).toBe('Protokoll nästa'),
  },
  parseCommand: {
    'spaces before the keyword': (result) => expect(result).toEqual({ ok: true, command: { kind: 'next' } }),
    'an unknown word': (result) => {
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
      expect(!result.ok && result.error.message).toMatch(/^Jag känner inte igen kommandot ”x{39}…”/);
    },
    'a parenthesis of type letters that never closes': refused('add-item', /Titeln har för många tecken \(\d+, högst 300\)/),
    'a parenthesis of type letters ending in another letter': refused('add-item', /Titeln har för många tecken/),
    'a type tag of slashes': refused('add-item', /Typmarkeringen ”\(i\/i\/i.*…\)” ska vara I, D eller B/),
    'a paragraph number of a million digits': refused('rename-item', /”1{39}…” är inget punktnummer/),
    'a sub-point of a million letters': refused('go-to', /”24a{37}…” är inget punktnummer/),
    'a sub-point of a million other letters': refused('go-to', /”ö{39}…” är ingen underpunkt/),
    'names and och': refused('presenters', /Namn 1 har för många tecken \(\d+, högst 200\)/),
    'a long list of names': (result, input) => {
      expect(result.ok && result.command.kind).toBe('presenters');
      const names = result.ok && result.command.kind === 'presenters' ? result.command.names : [];
      expect(names).toHaveLength(countOf(input, 'Anna, ') + 1);
      expect(new Set(names)).toEqual(new Set(['Anna', 'Bo']));
    },
    'ansvarig over and over': refused('action', /Åtgärdens text har för många tecken/),
    'a decision of att': refused('decision', /Beslutssatsen har för många tecken \(\d+, högst 10000\)/),
    'a rule of dashes and spaces': refused('quorum-rule', /Ange huvudman, region-kommun eller av \(”- \/ - .*…” förstods inte\)/),
    'a calendar address of a million letters': refused('calendar', /Ange e-postadressen .* \(”a{39}…” är ingen sådan\)/),
    'a numbering start repeated': refused('numbering', /Ange möte, möte-parentes, år eller år-suffix \(”år start start/),
    'a name with a period after every word': refused('mark-present', /Namnet har för många tecken/),
    'a time of spaces': (result) => expect(result).toEqual({ ok: true, command: { kind: 'approval-deadline', date: '2024-03-08', time: '16.00' } }),
    'a roster of a letter per line': refused('roster', /Inget sparades\. Rätta raderna:\n• rad 2 \(”x”\): 1 fält i stället för 4 eller 5[\s\S]*\n… och \d+ rader till\./),
  },
  parseRoster: {
    'tens of thousands of people': (result, input) => {
      const entries = 'value' in result ? result.value : [];
      expect(entries).toHaveLength(countOf(input, '\n') - 1);
      expect(entries.length).toBeGreaterThan(20_000);
      expect(entries.every((e) => JSON.stringify(e) === JSON.stringify(anna))).toBe(true);
    },
    'a line of semicolons': rosterProblem(/^Inget sparades\. Rätta raden:\n• rad 2 \(”;+…”\): \d+ fält i stället för 4 eller 5/),
    'a party that never closes': rosterProblem(/rad 2 \(”Anna Berg \(\(\(.*…”\): namnet har för många tecken/),
    'a role repeated': (result) => expect(result).toEqual({ value: [anna] }),
    'roles joined by och': (result) => expect(result).toEqual({ value: [anna] }),
    'an address in brackets of a million letters': rosterProblem(/rad 2 .*: ”<a+…” är ingen e-postadress/),
    'the same address on every line': rosterProblem(/• rad 3 .*: e-postadressen anna@example\.se står redan på rad 2\n[\s\S]*\n… och \d+ rader till\.$/),
  },
  bodyLines: {
    'comments that never close': (result, input) => oneLineOf(input)(result),
    'a comment around a paragraph': oneLineOf('Budget'),
    'style elements that never close': oneLineOf('Budget'),
    'style elements closed once at the end': oneLineOf('Budget'),
    'tags without their >': (result, input) => oneLineOf(input.trim())(result),
    'a < before every letter': (result, input) => oneLineOf(input)(result),
    'empty paragraphs in a list': (result) => expect(result).toEqual([{ text: 'Budget', depth: 1 }]),
    'lists nested a hundred thousand deep': (result, input) => expect(result).toEqual([{ text: 'Budget', depth: countOf(input, '<ol>') }]),
    'entities that never end': (result, input) => oneLineOf(input.slice(3, -4))(result),
  },
  parseEventAgenda: {
    'presenters in parentheses that never close': (result) => {
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({ presenters: [], typeTag: null });
      expect(result[0]!.title).toMatch(/^Budget \(föredragande: Anna \(föredragande/);
      expect(result[0]!.title).toHaveLength(300);
    },
    'presenters after dashes': (result) => {
      expect(result).toHaveLength(1);
      expect(result[0]!.title).toBe('Budget');
      expect(result[0]!.presenters).toHaveLength(1);
    },
    'a presenter line of a hundred thousand names': (result, input) => {
      expect(result).toHaveLength(1);
      expect(result[0]!.presenters).toHaveLength(countOf(input, 'Anna, ') + 1);
    },
    'a type tag of slashes': (result) => expect(result).toEqual([budget({ typeTag: 'I' })]),
    'numbered lines': (result) => expect(result).toEqual(Array.from({ length: 100 }, () => budget())),
    'list items': (result) => expect(result).toEqual(Array.from({ length: 100 }, () => budget())),
    'a capital line of a million letters': (result) => expect(result).toEqual([]),
    'sub-points without an item': (result, input) => {
      expect(result).toHaveLength(1);
      expect(result[0]!.title).toBe('Budget');
      expect(result[0]!.subPoints).toHaveLength(countOf(input, 'a) Budget') - 1);
    },
  },
  message: {
    'spaces around the mention': (result) => expect(result).toEqual({ ok: true, command: { kind: 'next' } }),
    'a note full of markup': refused('note', /Texten har för många tecken \(\d+, högst 10000\)/),
  },
};

describe('1 MB of hostile text to each parser', () => {
  it('every case has its expected result here, and every input is about 1 MB', () => {
    for (const c of ADVERSARIAL_CASES) {
      expect([c.parser, c.name, typeof EXPECTED[c.parser][c.name]]).toEqual([c.parser, c.name, 'function']);
      expect(c.input().length).toBeGreaterThan(ADVERSARIAL_SIZE * 0.99);
    }
  });

  it.each(ADVERSARIAL_CASES.map((c) => [c.parser, c.name, c] as const))('%s: %s', (_parser, _name, c) => {
    const input = c.input();
    const parse = PARSERS[c.parser] as (text: string) => unknown;
    const check = EXPECTED[c.parser][c.name] as (result: unknown, input: string) => void;
    check(parse(input), input);
  });
});
