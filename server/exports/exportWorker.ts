import { parentPort } from 'node:worker_threads';
import { HttpError } from '../http/HttpError';
import { routeConsoleToLogger, type LogFields, type LogLevel } from '../runtime/log';
import { runExportJob, type ExportJob } from './exportJobs';

/**
 * An export worker thread (started by ExportWorkers through exportWorker.mjs): runs each job it
 * is sent and answers with its result, the bytes transferred rather than copied. An HttpError
 * (an unknown template, say) travels back as its status, code and message.
 */
/** Logs go to the main thread's logger (one JSON log, summarised there), tldraw's console lines too. */
const post = (level: LogLevel, event: string, fields?: LogFields) => parentPort!.postMessage({ log: { level, event, fields } });
routeConsoleToLogger({ log: post, debug: (e, f) => post('debug', e, f), info: (e, f) => post('info', e, f), warn: (e, f) => post('warn', e, f), error: (e, f) => post('error', e, f) });

parentPort!.on('message', ({ id, job }: { id: number; job: ExportJob }) => {
  try {
    const result = runExportJob(job);
    const transfer: ArrayBuffer[] = [];
    if (result.type === 'zip') transfer.push(result.body.buffer as ArrayBuffer);
    else if (result.type === 'rendered' && result.rendered.body instanceof Uint8Array) transfer.push(result.rendered.body.buffer as ArrayBuffer);
    parentPort!.postMessage({ id, ok: true, result }, transfer);
  } catch (error) {
    const e = error instanceof HttpError ? { status: error.status, code: error.code, message: error.message } : { message: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage({ id, ok: false, error: e });
  }
});
