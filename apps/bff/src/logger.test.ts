import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { createLogger } from './logger';

function output(isTTY: boolean) {
  const lines: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { lines, out };
}

describe('the server log (LOG_FORMAT)', () => {
  it('auto: JSON lines for a pipe or a file, secrets redacted', () => {
    const { lines, out } = output(false);
    createLogger('info', 'auto', out).warn(
      { user: 'admin', account: { password: 'hunter2 hunter2' } },
      'Initial administrator',
    );
    const line = JSON.parse(lines.join('')) as {
      level: number;
      msg: string;
      user: string;
      account: { password: string };
    };
    expect(line).toMatchObject({
      level: 40,
      msg: 'Initial administrator',
      user: 'admin',
      account: { password: '[Redacted]' },
    });
  });

  it('auto at a terminal, or pretty: one line a person reads, with the level and message, secrets redacted', () => {
    for (const [format, tty] of [
      ['auto', true],
      ['pretty', false],
    ] as const) {
      const { lines, out } = output(tty);
      createLogger('info', format, out).info(
        { url: 'http://127.0.0.1:8080', account: { password: 'hunter2 hunter2' } },
        'DPM console listening',
      );
      const text = stripVTControlCharacters(lines.join(''));
      expect(text, format).toMatch(/INFO.*DPM console listening/);
      expect(text, format).toContain('url: "http://127.0.0.1:8080"');
      expect(text, format).not.toContain('hunter2');
      expect(() => JSON.parse(text), format).toThrow();
    }
  });

  it('json: JSON even at a terminal (a log collector reading a pseudo-terminal)', () => {
    const { lines, out } = output(true);
    createLogger('info', 'json', out).info('started');
    expect(JSON.parse(lines.join(''))).toMatchObject({ msg: 'started' });
  });
});
