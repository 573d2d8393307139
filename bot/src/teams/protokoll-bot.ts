/**
 * The Teams activity handler. It only registers handlers; each command, card verb and meeting
 * event lives in its own file under handlers/.
 */
import { TeamsActivityHandler } from 'botbuilder';
import type { Logger } from '../logger';

export interface ProtokollBotDeps {
  logger: Logger;
}

export class ProtokollBot extends TeamsActivityHandler {
  constructor(private readonly deps: ProtokollBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity('Protokoll är igång. Skriv "hjälp" för att se kommandona.');
      await next();
    });
  }
}
