import pino from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'pretty' | 'json';

/** Where the log goes: standard output, or a test's stream. */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

const REDACT = ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passphrase', '*.token'];

/**
 * The server's logger. A person at a terminal reads one line per event (time, level, message and
 * its fields); anything else (a pipe, a file, a log collector) gets pino's JSON lines. `auto`
 * (LOG_FORMAT's default) decides by whether the output is a terminal. Secrets are redacted
 * either way.
 */
export function createLogger(
  level: pino.Level | 'silent',
  format: LogFormat,
  out: LogOutput = process.stdout,
): pino.Logger {
  const terminal = out.isTTY === true;
  if (format === 'json' || (format === 'auto' && !terminal)) return pino({ level, redact: REDACT }, out);
  // Synchronous, in this thread: the first-start banner is printed before anything else happens.
  const stream = pretty({
    colorize: terminal,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    sync: true,
    destination: out,
  });
  return pino({ level, redact: REDACT }, stream);
}
