/**
 * Which calendar source this server uses, decided once at start:
 *   LOCAL_CALENDAR_FILE set   → the local JSON file (development without a tenant);
 *   Entra app with a secret or certificate → Microsoft Graph at GRAPH_BASE_URL, app-only;
 *   neither                   → none: `kalender` still links, and says the server cannot read calendars yet.
 * A certificate file that cannot be read stops the start, like any other bad configuration.
 */
import fs from 'node:fs';
import type { Config } from '../config';
import type { CalendarSource } from '../core/ports';
import type { Logger } from '../logger';
import { GraphCalendarSource } from './graph-calendar.source';
import { GraphClient } from './graph-client';
import { LocalCalendarSource } from './local-calendar.source';
import { certificateFromPem, graphScope } from './msal-configuration';
import { MsalTokenProvider } from './msal-token.provider';

export function createCalendarSource(config: Config, logger: Logger, graph: GraphClient | null = createGraphClient(config, logger)): CalendarSource | null {
  if (config.localCalendarFile) {
    logger.warn({ file: config.localCalendarFile }, 'kalendrar läses från en lokal fil (LOCAL_CALENDAR_FILE), inte från Microsoft Graph');
    return new LocalCalendarSource(config.localCalendarFile);
  }
  if (!graph) {
    logger.warn('ingen kalenderkälla: sätt ENTRA_CLIENT_SECRET eller ENTRA_CERTIFICATE_PATH (Microsoft Graph) eller LOCAL_CALENDAR_FILE');
    return null;
  }
  logger.info({ graph: config.graphBaseUrl }, 'kalendrar läses från Microsoft Graph');
  return new GraphCalendarSource(graph);
}

/** The app-only Graph client (one MSAL token cache for calendars, reports and files), or null without credentials. */
export function createGraphClient(config: Config, logger: Logger): GraphClient | null {
  const entra = config.entra;
  if (!entra || (!entra.clientSecret && !entra.certificatePath)) return null;
  const certificate = entra.certificatePath ? certificateFromPem(fs.readFileSync(entra.certificatePath, 'utf8')) : null;
  const tokens = new MsalTokenProvider(
    { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.authority, clientSecret: entra.clientSecret, certificate },
    graphScope(config.graphBaseUrl),
    logger,
    config.timeouts.graphMs,
  );
  logger.info({ graph: config.graphBaseUrl, credential: certificate ? 'certificate' : 'secret' }, 'Microsoft Graph: inloggning som app');
  return new GraphClient({ baseUrl: config.graphBaseUrl, tokens, timeoutMs: config.timeouts.graphMs });
}
