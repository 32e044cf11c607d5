import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The thread that checkpoints an SQLite file's write-ahead log, so the server's thread never does.
 *
 * Why: in WAL mode every commit appends to the log, and SQLite's automatic checkpoint (after
 * 1,000 pages, ~4 MB) copies the log back into the database file and syncs it inside whichever
 * commit crosses the threshold: 5–60 ms of disk on a busy machine, during which the server's one
 * thread forwards nothing. Here a second connection, in a worker thread of its own, runs a
 * PASSIVE checkpoint every `intervalMs`: it takes no lock a writer waits for and never waits for
 * one, so commits on the server's connection go on meanwhile. Durability is SQLite's: a
 * checkpoint only copies committed pages, and the log is reused only once they are synced.
 *
 * SQLite starts the log over at a commit that finds every frame checkpointed. Under a steady
 * stream of writes some always land while the thread's checkpoint syncs, so the log then grows
 * until the server connection's own automatic checkpoint (set high, SqliteStorage) catches the
 * few frames left and lets it start over: one short inline checkpoint per tens of MB of log
 * instead of one per 4 MB, each of which also copied the whole log.
 *
 * The worker is plain JavaScript evaluated in the thread (no file of its own, so the bundled
 * server and the sources run it alike) and loads better-sqlite3 from where this process found it.
 * Like sqliteDatabase.ts it keeps its connection and its one statement for its whole life.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.all();
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  try { checkpoint.all(); } catch {}
  db.close();
  parentPort.close();
});
`;

/** How the server finds better-sqlite3: `require` in the bundle (CommonJS), import.meta.url from the sources. */
function driverPath(): string {
  const find = typeof require === 'function' ? require : createRequire(import.meta.url);
  return find.resolve('better-sqlite3');
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /**
   * Starts the thread on `file` (which must exist, in WAL mode). `onStop` is called once if the
   * thread ends before close(), e.g. it could not open the file: the caller then checkpoints itself.
   */
  constructor(file: string, intervalMs: number, onStop: (error: unknown) => void, onFailure: (message: string) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver: driverPath() } });
    this.worker.unref();
    let closing = false;
    this.worker.on('message', (message: { failed?: string }) => {
      if (message.failed) onFailure(message.failed);
    });
    this.exited = new Promise((resolve) => {
      let reported = false;
      const stopped = (error: unknown) => {
        if (!closing && !reported) {
          reported = true;
          onStop(error);
        }
      };
      this.worker.on('error', stopped);
      this.worker.on('exit', (code) => {
        stopped(new Error(`WAL checkpoint thread exited with code ${code}`));
        resolve();
      });
    });
    this.close = async () => {
      closing = true;
      // Unreferenced, the thread would not keep the process alive long enough to end cleanly.
      this.worker.ref();
      this.worker.postMessage('close');
      const timeout = setTimeout(() => void this.worker.terminate(), 5000);
      timeout.unref();
      await this.exited;
      clearTimeout(timeout);
    };
  }

  /** Checkpoints once more, closes the thread's connection and waits for the thread to end. */
  readonly close: () => Promise<void>;
}
