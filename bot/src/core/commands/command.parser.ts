/**
 * Chat message text (the bot's @mention already removed) → a typed command, or a Swedish error
 * that says what was understood and quotes how to write it. Pure: no I/O, no state.
 */
import { COMMAND_SYNTAX, type Command, type CommandKind } from './command';
import { ARGUMENT_PARSERS } from './command.arguments';
import { closestKeyword, kindByFirstWord, matchKeyword } from './command.keywords';
import { normaliseInput, shorten } from './command.text';

export interface ParseError {
  code: 'empty' | 'unknown-command' | 'malformed';
  /** Swedish: what was understood and how to write it */
  message: string;
  /** the command that was recognised, for `malformed` */
  kind?: CommandKind;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

const HELP_HINT = 'Skriv `hjälp` för att se alla kommandon.';

export function parseCommand(text: string): ParseResult {
  const input = normaliseInput(text);
  if (!input) return fail({ code: 'empty', message: `Meddelandet var tomt. ${HELP_HINT}` });

  const match = matchKeyword(input);
  if (!match) {
    const firstWord = input.split(/\s+/, 1)[0] ?? '';
    const partial = kindByFirstWord(firstWord);
    if (partial) return malformed(partial.kind, `Kommandot ser ut att vara \`${partial.keyword}\` men är inte fullständigt.`);
    const suggestion = closestKeyword(input);
    const didYouMean = suggestion
      ? ` Menade du \`${suggestion.keyword}\`? Det skrivs så här: \`${COMMAND_SYNTAX[suggestion.kind].syntax}\`.`
      : '';
    return fail({ code: 'unknown-command', message: `Jag känner inte igen kommandot ”${shorten(firstWord)}”.${didYouMean} ${HELP_HINT}` });
  }

  const parsed = ARGUMENT_PARSERS[match.kind](match.rest);
  if ('problem' in parsed) return malformed(match.kind, `\`${match.keyword}\`: ${parsed.problem}`);
  return { ok: true, command: parsed.value };
}

/** The message for a recognised command written the wrong way: the problem and the syntax line. */
export function malformedMessage(kind: CommandKind, problem: string): string {
  return `${problem}\nSkriv så här: \`${COMMAND_SYNTAX[kind].syntax}\``;
}

function malformed(kind: CommandKind, problem: string): ParseResult {
  return fail({ code: 'malformed', kind, message: malformedMessage(kind, problem) });
}

const fail = (error: ParseError): ParseResult => ({ ok: false, error });
