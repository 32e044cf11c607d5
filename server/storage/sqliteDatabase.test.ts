import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runToExit } from '../../tests/helpers/process';
import { tempDir } from '../../tests/helpers/server';
import { openDatabase } from './sqliteDatabase';

describe('openDatabase', () => {
  it('answers pragmas like better-sqlite3 does: rows, a simple value, nothing for a setting', () => {
    const db = openDatabase(path.join(tempDir(), 'p.sqlite'));
    expect(db.pragma('journal_mode = WAL')).toEqual([{ journal_mode: 'wal' }]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('user_version = 3')).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });

  // On Node 24.19+ with better-sqlite3 12, a statement collected by an idle garbage collection
  // aborts the process (see sqliteDatabase.ts). This runs a process that drops thousands of
  // statements and pragmas while allocating, so the collector runs on its own; it must live.
  it('keeps a process alive that drops many statements while the garbage collector runs', async () => {
    const script = `
      const { openDatabase } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'sqliteDatabase.ts'))});
      const db = openDatabase(':memory:');
      let n = 0;
      const timer = setInterval(() => {
        for (let i = 0; i < 50; i++) { db.prepare('SELECT ' + n++).get(); db.pragma('user_version', { simple: true }); }
        const junk = []; for (let i = 0; i < 20000; i++) junk.push({ i, s: 'x' + i });
      }, 5);
      setTimeout(() => clearInterval(timer), 2500);
      setTimeout(() => { console.log('alive after', n); process.exit(0); }, 6000);
    `;
    const run = await runToExit(['--import', 'tsx', '--input-type=module', '-e', script], {}, 30_000);
    expect(run.stderr).not.toContain('Assertion failed');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^alive after \d+/);
  }, 40_000);
});
