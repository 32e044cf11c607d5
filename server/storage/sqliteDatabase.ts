import Database from 'better-sqlite3';

/**
 * Opening an SQLite database for the server, its tools and tests. Use this instead of
 * `new Database(...)`.
 *
 * Why: better-sqlite3 12 wraps its databases and statements in Node's `ObjectWrap`, and on
 * Node 24.19 and later (nodejs/node#65446) such an object that is garbage-collected while no
 * JavaScript is running (an idle or background collection) aborts the whole process with
 * "Assertion failed: (env) != nullptr" in `RemoveEnvironmentCleanupHook`. A server that lets a
 * statement go, e.g. the one `db.pragma()` makes on every call, dies seconds later. So every
 * database opened here, and every statement it makes (`prepare`, and `pragma`, done through a
 * retained statement too), is kept reachable for the life of the process. The server prepares
 * its statements once and reuses them, so this holds a fixed set; nothing here may prepare per
 * request. better-sqlite3 13 (Node-API) does not have the problem but does not run on Node 20;
 * once Node 20 is gone from every machine the project runs on, upgrade and delete this.
 */
const retained: object[] = [];

export type SqliteDatabase = Database.Database;

export function openDatabase(file: string, options?: Database.Options): SqliteDatabase {
  const db = new Database(file, options);
  retained.push(db);
  const prepare = db.prepare.bind(db);
  const keep = <T extends object>(statement: T): T => {
    retained.push(statement);
    return statement;
  };
  db.prepare = ((source: string) => keep(prepare(source))) as typeof db.prepare;
  db.pragma = ((source: string, options?: Database.PragmaOptions) => {
    const statement = keep(prepare(`PRAGMA ${source}`));
    if (!statement.reader) {
      statement.run();
      return options?.simple ? undefined : [];
    }
    return options?.simple ? statement.pluck().get() : statement.all();
  }) as typeof db.pragma;
  return db;
}
