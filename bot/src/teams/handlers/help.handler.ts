/** `hjälp`: the card listing every command (from the parser's syntax table, the single source). */
import { COMMAND_SYNTAX } from '../../core/commands/command';
import { buildHelpCard } from '../../cards/help.card';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { CommandSpec } from './handler';

export function helpCard(): AdaptiveCard {
  return buildHelpCard({
    commands: Object.values(COMMAND_SYNTAX).map((entry) => ({ syntax: entry.syntax, description: entry.description })),
  });
}

export const help: CommandSpec<'help'> = { group: 'none', run: async () => ({ card: helpCard() }) };
