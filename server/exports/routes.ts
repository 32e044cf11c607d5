import { EXPORT_FORMATS, isExportFormat } from '../../shared/api/exportDocument';
import type { BoardAccess } from '../boards/routes';
import { HttpError } from '../http/HttpError';
import { type AnyRoute, route } from '../http/router';
import type { Metrics } from '../ops/metrics';
import type { Relay } from '../sync/Relay';
import type { Storage } from '../storage/Storage';
import { boardInput } from './boardResults';
import type { ExportWorkers } from './ExportWorkers';
import { exportSchemaText } from './exportJsonSchema';

export interface ExportRoutesOptions {
  relay: Relay;
  storage: Storage;
  exports: ExportWorkers;
  metrics?: Metrics;
}

/**
 * A board's content out (README "API", "Export formats"):
 *   GET /api/boards/:id/results?token=                 the structured results (JSON)
 *   GET /api/boards/:id/export?token=&format=          the export in one of EXPORT_FORMATS
 *   GET /api/export-schema.json                        the JSON export's schema
 * Both are built on an export worker (exports/exportJobs.ts), so a big board stalls no connection.
 */
export function exportRoutes({ relay, storage, exports, metrics }: ExportRoutesOptions): AnyRoute[] {
  return [
    route<BoardAccess>({
      method: ['GET', 'HEAD'],
      pattern: '/api/boards/:id/results',
      role: 'viewer',
      async handle(ctx) {
        const out = await exports.run({ type: 'results', board: await boardInput(relay, storage, ctx.access.board) });
        if (out.type !== 'json') throw new Error('unexpected export result');
        ctx.send({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, out.text);
      },
    }),
    route<BoardAccess>({
      method: ['GET', 'HEAD'],
      pattern: '/api/boards/:id/export',
      role: 'viewer',
      async handle(ctx) {
        const format = ctx.url.searchParams.get('format');
        if (!isExportFormat(format)) {
          const got = format === null ? 'it is missing' : `got "${format.slice(0, 40)}"`;
          throw new HttpError(400, 'invalid_format', `format must be one of ${EXPORT_FORMATS.join(', ')}; ${got}`, 'format');
        }
        const build = async () => {
          const job = await exports.run({ type: 'export', board: await boardInput(relay, storage, ctx.access.board), format, now: Date.now() });
          if (job.type !== 'rendered') throw new Error('unexpected export result');
          return job.rendered;
        };
        const out = metrics ? await metrics.timeExport(format, build) : await build();
        ctx.sendRendered(out);
      },
    }),
    route({
      method: ['GET', 'HEAD'],
      pattern: '/api/export-schema.json',
      role: 'public',
      handle: (ctx) => ctx.send({ 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' }, exportSchemaText()),
    }),
  ];
}
