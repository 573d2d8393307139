/** Structured JSON logs (pino). Secrets and tokens are redacted wherever they might appear. */
import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { app: 'protokoll' },
    redact: {
      paths: ['req.headers.authorization', '*.authorization', '*.password', '*.clientSecret', '*.appPassword'],
      censor: '[dolt]',
    },
  });
}
