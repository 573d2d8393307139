/** Process entry: load config, start the app, stop it gracefully on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.bot) logger.warn('BOT_ID saknas: Bot Framework-autentisering är AVSTÄNGD (endast för lokal utveckling)');
  if (!config.entra) logger.warn('ENTRA_CLIENT_ID saknas: API:t och fliken körs som UTVECKLINGSANVÄNDARE utan inloggning');

  const app = await startApp(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stänger ned');
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'nedstängning misslyckades');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Protokoll kunde inte starta: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
