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
