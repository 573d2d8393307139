/**
 * About 1 MB of hostile text through every parser of sender text (the corpus in
 * tests/support/adversarial-text.ts, whose results the unit tests assert): the slowest case per
 * parser. The chat refuses messages over 28 000 characters before parsing; these are the parsers
 * on their own, as an invitation body from Graph or a message past the cap would meet them.
 */
import { ADVERSARIAL_CASES, ADVERSARIAL_SIZE, PARSERS, type ParserName } from '../tests/support/adversarial-text';
import { ms } from './stats';

export interface ParseTiming {
  parser: ParserName;
  cases: number;
  /** the case with the highest median */
  worst: { name: string; ms: number };
}

/** Each case `runs` times (median), in corpus order; per parser the slowest case. */
export function parseTimes(runs = 3): ParseTiming[] {
  const byParser = new Map<ParserName, ParseTiming>();
  for (const c of ADVERSARIAL_CASES) {
    const input = c.input();
    const parse = PARSERS[c.parser] as (text: string) => unknown;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      parse(input);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const median = samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    const timing = byParser.get(c.parser) ?? { parser: c.parser, cases: 0, worst: { name: c.name, ms: median } };
    timing.cases++;
    if (median >= timing.worst.ms) timing.worst = { name: c.name, ms: median };
    byParser.set(c.parser, timing);
  }
  return [...byParser.values()];
}

const WHERE: Record<ParserName, string> = {
  stripBotMention: 'teams/mention.ts (meddelandets text)',
  mentionEntity: 'teams/mention.ts (omnämnandets text)',
  parseCommand: 'core/commands (kommando och argument)',
  parseRoster: 'core/commands/roster.arguments.ts',
  bodyLines: 'core/html-lines.ts (kallelsens HTML)',
  parseEventAgenda: 'core/event-agenda-parser.ts',
  message: 'omnämnande + kommando i följd',
};

const size = (chars: number) => (chars >= 2 ** 20 ? `${chars / 2 ** 20} MiB` : `${chars / 2 ** 10} KiB`);

export function parseTable(timings: ParseTiming[], runs = 3): string {
  return [
    `| tolkare | fall | långsammast fall (${size(ADVERSARIAL_SIZE)} text per fall) | ms, median av ${runs} |`,
    '|---|---|---|---|',
    ...timings.map((t) => `| ${WHERE[t.parser]} | ${t.cases} | ${t.worst.name} | ${ms(t.worst.ms)} |`),
  ].join('\n');
}
