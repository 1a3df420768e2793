import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout; one line per event, fields not prose. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'bot-sim', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'api_key', '*.api_key'], censor: '[redacted]' },
  });
}

export type { Logger };
