import { timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/HttpError';
import { type AnyRoute, route } from '../http/router';
import type { Logger } from '../runtime/log';
import type { Metrics } from './metrics';

export interface OpsRoutesOptions {
  /** The store's name and its health check (for /healthz and /readyz). */
  storage: { readonly kind: string; ping(): Promise<void> };
  logger: Logger;
  /** GET /metrics; without it the endpoint does not exist. */
  metrics?: Metrics;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** True once the server is stopping: /readyz answers 503. */
  isDraining?: () => boolean;
}

/** Probes, metrics and the server's clock: /healthz, /readyz, /metrics, /api/time. */
export function opsRoutes(options: OpsRoutesOptions): AnyRoute[] {
  const { storage, logger, metrics } = options;
  const routes: AnyRoute[] = [
    // Alive: the process answers (storage was opened before the server listened).
    route({ method: ['*'], pattern: '/healthz', role: 'public', handle: (ctx) => ctx.json(200, { ok: true, storage: storage.kind }) }),
    route({
      method: ['GET', 'HEAD'],
      pattern: '/readyz',
      role: 'public',
      // Ready for traffic: storage answers a query, and the server is not stopping.
      async handle(ctx) {
        if (options.isDraining?.()) return ctx.json(503, { ready: false, reason: 'draining' });
        try {
          await storage.ping();
        } catch (error) {
          logger.error('readyz.storage_failed', { error });
          return ctx.json(503, { ready: false, reason: 'storage' });
        }
        ctx.json(200, { ready: true, storage: storage.kind });
      },
    }),
    // The server's clock, for clients to estimate their offset (shared/clock.ts); never cached.
    route({ method: ['GET', 'HEAD'], pattern: '/api/time', role: 'public', handle: (ctx) => ctx.json(200, { now: Date.now() }) }),
  ];
  if (metrics) {
    routes.push(
      route({
        method: ['GET', 'HEAD'],
        pattern: '/metrics',
        role: 'public',
        async handle(ctx) {
          if (options.metricsToken && !bearerMatches(ctx.req.headers.authorization, options.metricsToken)) {
            ctx.res.setHeader('WWW-Authenticate', 'Bearer');
            throw new HttpError(401, 'invalid_token', 'The metrics need the METRICS_TOKEN as a bearer token.');
          }
          const text = await metrics.text();
          ctx.send({ 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }, text);
        },
      }),
    );
  }
  return routes;
}

/** Compares an Authorization header with `Bearer <expected>` in constant time. */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1] ?? '', 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
