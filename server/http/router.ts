import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasRole, type Role } from '../../shared/roles';
import { HttpError } from './HttpError';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Who may call a route. `public`: anyone. A board role: the `:id` board's link, at least that
 * role. `trainer`: the `:id` cohort's trainer link. `partnership`: a lead or member link of the
 * `:id` partnership. The router checks it before `handle` runs and hands the result in
 * `ctx.access`.
 */
export type Access = 'public' | Role | 'trainer' | 'partnership';

/**
 * One endpoint. `pattern` is a path with `:name` segments (`/api/boards/:id/results`); `method`
 * the methods it answers (`*`: every method).
 */
export interface Route<A = unknown> {
  method: readonly string[];
  pattern: string;
  role: Access;
  /**
   * What the path's other `:name` segments name, as the 404 a malformed one answers (e.g.
   * `{ snapshot: { code: 'snapshot_not_found', … } }`); default `not_found`. The `:id`'s comes
   * from the route's role (ID_NOT_FOUND).
   */
  names?: Readonly<Record<string, NotFound>>;
  handle(ctx: RequestContext<A>): Promise<void> | void;
}

/** The 404 of something a path names. */
export interface NotFound {
  code: string;
  message: string;
}

const NOTHING_HERE: NotFound = { code: 'not_found', message: 'Nothing exists at this address.' };

/** The 404 of an `:id` that cannot be decoded, by what the route's role says it names. */
export const ID_NOT_FOUND = {
  board: { code: 'board_not_found', message: 'This board does not exist.' },
  cohort: { code: 'cohort_not_found', message: 'This cohort does not exist.' },
  partnership: { code: 'partnership_not_found', message: 'This partnership does not exist.' },
} as const satisfies Record<string, NotFound>;

/** What `:name` of this route names, for its 404. */
function notFoundOf(route: Route<unknown>, name: string): NotFound {
  if (name !== 'id') return route.names?.[name] ?? (name === 'board' ? ID_NOT_FOUND.board : NOTHING_HERE);
  switch (route.role) {
    case 'public':
      return route.names?.id ?? NOTHING_HERE;
    case 'trainer':
      return ID_NOT_FOUND.cohort;
    case 'partnership':
      return ID_NOT_FOUND.partnership;
    default:
      return ID_NOT_FOUND.board;
  }
}

/** What a board link opens (the `ctx.access` of a route with a board role). */
export interface BoardAccessOf<B> {
  board: B;
  role: Role;
}

/**
 * How the `:id` of each kind of route is authorised: each returns what the token opens, or
 * throws HttpError (404 unknown id, 401 bad token). The id is already decoded; a malformed
 * percent-encoding never reaches them (404).
 */
export interface Authorizers {
  board(id: string, token: string | null): Promise<{ role: Role }>;
  cohort(id: string, token: string | null): Promise<unknown>;
  partnership(id: string, token: string | null): Promise<unknown>;
}

/** One request as a route sees it: the path's parameters, the authorised access, and the answers. */
export class RequestContext<A = unknown> {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    /** The path's `:name` segments, percent-decoded (a malformed one answered 404 before). */
    readonly params: Readonly<Record<string, string>>,
    readonly access: A,
    /** Origin for links (PUBLIC_URL or the request's host). */
    readonly origin: string,
  ) {}

  get method(): string {
    return this.req.method ?? 'GET';
  }

  /** The `token` query parameter (links carry it; never logged). */
  get token(): string | null {
    return this.url.searchParams.get('token');
  }

  /** The JSON body; `emptyIs` is the value of a request without a body (otherwise it must be JSON). */
  readJson(options: { emptyIs?: unknown } = {}): Promise<unknown> {
    return readJson(this.req, options);
  }

  json(status: number, body: unknown): void {
    json(this.res, status, body);
  }

  /** A 200 answer with these headers; the body is left out for HEAD. */
  send(headers: Record<string, string>, body: string | Uint8Array): void {
    this.res.writeHead(200, headers);
    this.res.end(this.req.method === 'HEAD' ? undefined : body);
  }

  /** A rendered export: its type, `attachment`/`inline` with the file name, and its own CSP if it has one. */
  sendRendered(out: { contentType: string; disposition: string; filename: string; csp?: string; body: string | Uint8Array }): void {
    const headers: Record<string, string> = {
      'Content-Type': out.contentType,
      'Content-Disposition': `${out.disposition}; filename="${out.filename}"`,
      'Cache-Control': 'no-store',
    };
    if (out.csp) headers['Content-Security-Policy'] = out.csp;
    this.send(headers, out.body);
  }
}

/** Any route, whatever its access (a feature's list of routes). */
export type AnyRoute = Route<never>;

/** Declares a route whose `ctx.access` is `A` (what its role's authoriser returns). */
export function route<A = undefined>(r: Route<A>): AnyRoute {
  return r as AnyRoute;
}

interface CompiledRoute {
  route: Route<unknown>;
  segments: string[];
}

/** What the router answers with: the dispatcher, and the pattern of the route a request matched. */
export interface Router {
  /** Runs the route of the request; resolves false when no route has its path. */
  dispatch(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<boolean>;
  /** The pattern of the route whose path the request had (for the access log and metrics), if any. */
  patternOf(req: IncomingMessage): string | undefined;
}

/**
 * The route table: finds the route of a request's path and method (405 when routes have the path
 * but none takes the method), decodes the path's parameters (a malformed percent-encoding is the
 * 404 of what the segment names: `board_not_found`, `snapshot_not_found`, …), authorises the
 * `:id` as the route's role says, then runs it. Resolves false when no route has the path.
 */
export function createRouter(routes: readonly AnyRoute[], authorizers: Authorizers): Router {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route: route as Route<unknown>, segments: route.pattern.split('/') }));

  async function authorize(role: Access, id: string, token: string | null): Promise<unknown> {
    switch (role) {
      case 'public':
        return undefined;
      case 'trainer':
        return authorizers.cohort(id, token);
      case 'partnership':
        return authorizers.partnership(id, token);
      default: {
        const access = await authorizers.board(id, token);
        if (!hasRole(access.role, role)) {
          throw new HttpError(403, 'forbidden', `This needs the ${role} link${role === 'facilitator' ? '' : ' or a higher one'}.`);
        }
        return access;
      }
    }
  }

  const matched = new WeakMap<IncomingMessage, string>();

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<boolean> {
    const parts = url.pathname.split('/');
    const method = req.method ?? 'GET';
    let allowed: string[] | null = null;
    for (const { route, segments } of compiled) {
      const raw = match(segments, parts);
      if (!raw) continue;
      if (!matched.has(req)) matched.set(req, route.pattern);
      if (!route.method.includes(method) && !route.method.includes('*')) {
        allowed = [...(allowed ?? []), ...route.method.filter((m) => !allowed?.includes(m))];
        continue;
      }
      // The id first: it is authorised before anything else of the path is read.
      const id = raw.id === undefined ? '' : decodeSegment(raw.id, notFoundOf(route, 'id'));
      const access = await authorize(route.role, id, url.searchParams.get('token'));
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) params[name] = decodeSegment(value, notFoundOf(route, name));
      await route.handle(new RequestContext(req, res, url, params, access, origin));
      return true;
    }
    if (allowed) throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} on this endpoint.`);
    return false;
  }

  return { dispatch, patternOf: (req) => matched.get(req) };
}

/** The `:name` values of a path that has the pattern's shape, or null. */
function match(segments: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.startsWith(':')) {
      if (!parts[i]) return null;
      params[s.slice(1)] = parts[i];
    } else if (s !== parts[i]) return null;
  }
  return params;
}

/** A path segment, percent-decoded; a malformed encoding names nothing that exists (the 404 of what it would name). */
function decodeSegment(raw: string, missing: NotFound): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(404, missing.code, missing.message);
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The JSON body; `emptyIs` is the value of a request without a body (otherwise it must be JSON). */
export async function readJson(req: IncomingMessage, options: { emptyIs?: unknown } = {}): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (options.emptyIs !== undefined && !type && (req.headers['content-length'] ?? '0') === '0' && !req.headers['transfer-encoding']) {
    return options.emptyIs;
  }
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}
