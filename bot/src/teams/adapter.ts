/**
 * The Bot Framework adapter. Without BOT_ID (local development, the Agents Playground) the adapter
 * accepts unauthenticated activities; with it, every activity's token is validated by botbuilder
 * against the configured (or Microsoft's) OpenID metadata.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
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
  const adapter = new TokenCheckingAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
    // Users never see error.message or a stack: only a Swedish explanation.
    if (context.activity.type === 'message') {
      await context.sendActivity(GENERIC_FAILURE_TEXT).catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * botbuilder answers 401 for most bad tokens, but passes a bad signature or a not-yet-valid token
 * through as a plain jsonwebtoken error, which CloudAdapter.process turns into 500. Those are
 * unauthenticated requests too: 401.
 */
class TokenCheckingAdapter extends CloudAdapter {
  override async processActivity(...args: unknown[]): Promise<any> {
    try {
      return await (super.processActivity as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError') throw new AuthenticationError((error as Error).message, 401);
      throw error;
    }
  }
}
