import { inspect } from 'node:util';

/**
 * Structured logs: one JSON object per line on stdout. Callers pass fields, never URLs with
 * query strings; `redact` strips any `token` that slips through anyway.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const TOKEN_IN_TEXT = /([?&]token=)[^&\s"]+/gi;

export function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_IN_TEXT, '$1[redacted]');
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = /token/i.test(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}

export function createLogger(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`), minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as LogFields) }));
  };
  return {
    log,
    debug: (e, f) => log('debug', e, f),
    info: (e, f) => log('info', e, f),
    warn: (e, f) => log('warn', e, f),
    error: (e, f) => log('error', e, f),
  };
}

export const silentLogger: Logger = createLogger(() => {}, 'error');

/**
 * A logger that writes repeated events as a summary: the first occurrence of an event (per
 * board, or per message for console lines) in each interval is written as usual; later ones in the same
 * interval are only counted, and one line `{ event, board?, repeated: n, windowMs }` follows at
 * the end of the interval. For events a client can cause at will (malformed frames, refused
 * writes, dropped presence), so one hostile connection cannot flood the log. Other events pass
 * through unchanged. `flush()` writes the pending summaries now (on shutdown).
 */
export function summarizeRepeats(base: Logger, events: Iterable<string>, intervalMs = 10_000): Logger & { flush(): void } {
  const summarized = new Set(events);
  const windows = new Map<string, { level: LogLevel; event: string; keyFields: LogFields; count: number; timer: NodeJS.Timeout }>();
  const MAX_WINDOWS = 1000;
  const close = (key: string) => {
    const w = windows.get(key);
    if (!w) return;
    windows.delete(key);
    clearTimeout(w.timer);
    if (w.count > 0) base.log(w.level, w.event, { ...w.keyFields, repeated: w.count, windowMs: intervalMs });
  };
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (!summarized.has(event)) return base.log(level, event, fields);
    // Per board (or per message, for console lines) while there are few windows; beyond that, per event only.
    const board = windows.size < MAX_WINDOWS ? (fields.board ?? (typeof fields.message === 'string' ? fields.message.slice(0, 80) : undefined)) : undefined;
    const key = board === undefined ? event : `${event}\n${String(board)}`;
    const open = windows.get(key);
    if (open) {
      open.count++;
      return;
    }
    base.log(level, event, fields);
    const timer = setTimeout(() => close(key), intervalMs);
    timer.unref?.();
    const keyFields = board === undefined ? {} : fields.board !== undefined ? { board } : { message: board };
    windows.set(key, { level, event, keyFields, count: 0, timer });
  };
  return {
    log,
    debug: (e, f) => log('debug', e, f),
    info: (e, f) => log('info', e, f),
    warn: (e, f) => log('warn', e, f),
    error: (e, f) => log('error', e, f),
    flush: () => {
      for (const key of [...windows.keys()]) close(key);
    },
  };
}

const CONSOLE_LEVELS = { error: 'error', warn: 'warn', info: 'info', log: 'info', debug: 'debug' } as const;

/**
 * Sends what libraries print with `console.*` (tldraw's "Error migrating store", say) through
 * `logger` as `console` events, so stdout holds JSON lines only. Returns the function that puts
 * the console back.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const saved = new Map<string, unknown>();
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    const c = console as unknown as Record<string, unknown>;
    saved.set(method, c[method]);
    c[method] = (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const message = args
        .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : inspect(a, { depth: 3, breakLength: Infinity })))
        .join(' ')
        .slice(0, 2000);
      logger.log(level, 'console', { message, ...(error?.stack ? { stack: error.stack.split('\n').slice(1, 6).map((l) => l.trim()) } : {}) });
    };
  }
  return () => {
    for (const [method, fn] of saved) (console as unknown as Record<string, unknown>)[method] = fn;
  };
}
