/** `hjälp`: every command with its syntax and what it does (fed from the parser's syntax table). */
import { card, container, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface HelpCardModel {
  commands: Array<{ syntax: string; description: string }>;
}

export function buildHelpCard(model: HelpCardModel): AdaptiveCard {
  return card([
    heading('Protokoll – kommandon'),
    textBlock('Skriv @protokoll följt av kommandot i kanalen eller möteschatten. I en personlig chatt räcker kommandot.', { isSubtle: true }),
    // `<namn>` and `[start <n>]` must show as written, not as HTML or links.
    ...model.commands.map((command) =>
      container([
        textBlock(escapeMarkdown(command.syntax), { weight: 'Bolder', fontType: 'Monospace', spacing: 'None' }),
        textBlock(escapeMarkdown(command.description), { spacing: 'None' }),
      ], { spacing: 'Small' }),
    ),
  ]);
}
