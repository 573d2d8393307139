/**
 * The Bot Framework adapter. Without BOT_ID (local development, the Agents Playground) the adapter
 * accepts unauthenticated activities; with it, every activity's token is validated by botbuilder
 * against the configured (or Microsoft's) OpenID metadata.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotAuthConfig } from '../config';
import type { Logger } from '../logger';
import { GENERIC_FAILURE_TEXT } from './replies';

export function createAdapter(bot: BotAuthConfig | null, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    bot
      ? {
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.appPassword ?? undefined,
          MicrosoftAppType: bot.appType,
          MicrosoftAppTenantId: bot.tenantId ?? undefined,
          ...(bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl } : {}),
          ...(bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: bot.tokenIssuer } : {}),
          ...(bot.oauthEndpoint ? { ToChannelFromBotLoginUrl: bot.oauthEndpoint } : {}),
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
    // Users never see error.message or a stack: only a Swedish explanation.
    if (context.activity.type === 'message') {
      await context.sendActivity(GENERIC_FAILURE_TEXT).catch(() => undefined);
    }
  };
  return adapter;
}
