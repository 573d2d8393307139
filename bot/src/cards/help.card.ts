/** `hjälp`: every command with its syntax and what it does. */
import { card, container, heading, textBlock, type AdaptiveCard } from './adaptive-card';

export interface HelpCardModel {
  commands: Array<{ syntax: string; description: string }>;
}

export function buildHelpCard(model: HelpCardModel): AdaptiveCard {
  return card([
    heading('Protokoll – kommandon'),
    textBlock('Skriv @protokoll följt av kommandot i kanalen eller möteschatten (i en personlig chatt räcker kommandot).', { isSubtle: true }),
    ...model.commands.map((command) =>
      container([
        textBlock(command.syntax, { weight: 'Bolder', fontType: 'Monospace', spacing: 'None' }),
        textBlock(command.description, { spacing: 'None' }),
      ], { spacing: 'Small' }),
    ),
  ]);
}
