import type * as z from 'zod/mini';
import { AdapterError } from './errors.js';

/**
 * Parses what an adapter returned with its schema. A malformed response becomes an
 * `invalid_response` error carrying the issue paths (never the values, which may be personal).
 */
export function parseResponse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const paths = result.error.issues.map((i) => i.path.join('.') || '(root)');
  throw new AdapterError('invalid_response', {
    message: `Malformed response at ${[...new Set(paths)].slice(0, 5).join(', ')}`,
  });
}

/** The schema type elements pass around without importing zod themselves. */
export type Schema<T> = z.ZodMiniType<T>;
