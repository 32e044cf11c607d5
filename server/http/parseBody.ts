import type { z } from 'zod';
import { HttpError } from './HttpError';

/** Parses with a schema or throws a 400 HttpError naming the first bad field. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
  const detail = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
  throw new HttpError(400, 'invalid_request', field ? `${field} ${detail}` : detail, field || undefined);
}
