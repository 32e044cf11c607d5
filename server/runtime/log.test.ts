import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, routeConsoleToLogger, summarizeRepeats } from './log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger((l) => lines.push(JSON.parse(l)), 'debug') };
}

describe('summarised events', () => {
  it('writes the first of a flood of malformed-frame events, then one summary line per interval and board', async () => {
    const { lines, logger } = capture();
    const summarized = summarizeRepeats(logger, ['conn.malformed'], 50);
    for (let i = 0; i < 1000; i++) summarized.warn('conn.malformed', { board: 'b1', conn: `c${i}` });
    summarized.warn('conn.malformed', { board: 'b2', conn: 'other' });
    summarized.info('conn.open', { board: 'b1' });
    expect(lines.map((l) => [l.event, l.board, l.conn])).toEqual([
      ['conn.malformed', 'b1', 'c0'],
      ['conn.malformed', 'b2', 'other'],
      ['conn.open', 'b1', undefined],
    ]);
    await new Promise((r) => setTimeout(r, 80));
    expect(lines.slice(3)).toEqual([expect.objectContaining({ level: 'warn', event: 'conn.malformed', board: 'b1', repeated: 999, windowMs: 50 })]);
    // A new interval starts with a full line again.
    summarized.warn('conn.malformed', { board: 'b1', conn: 'later' });
    expect(lines.at(-1)).toMatchObject({ conn: 'later' });
    summarized.warn('conn.malformed', { board: 'b1', conn: 'again' });
    summarized.flush();
    expect(lines.at(-1)).toMatchObject({ event: 'conn.malformed', repeated: 1 });
  });
});

describe('console output', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it('goes out as JSON log lines, with the error', () => {
    const { lines, logger } = capture();
    restore = routeConsoleToLogger(logger);
    console.error('Error migrating store', new TypeError('boom'));
    console.warn({ detail: 1 }, 'and text');
    restore();
    restore = null;
    expect(lines[0]).toMatchObject({ level: 'error', event: 'console', message: 'Error migrating store TypeError: boom' });
    expect(Array.isArray(lines[0].stack)).toBe(true);
    expect(lines[1]).toMatchObject({ level: 'warn', event: 'console', message: '{ detail: 1 } and text' });
  });
});
