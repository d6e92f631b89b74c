import * as z from 'zod/mini';

/** ISO 8601 date-time, with `Z` or an offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** ISO 4217 currency code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** A confirmation or support ticket created by a change. */
export const Ticket = z.object({
  id: z.string().check(z.minLength(1)),
  url: z.optional(z.string()),
});
export type Ticket = z.infer<typeof Ticket>;

/** Reads of editable things carry their ETag. */
export function versioned<T extends z.ZodMiniType>(data: T) {
  return z.object({ data, version: z.string() });
}

/** Writes may also create a confirmation ticket. */
export function updated<T extends z.ZodMiniType>(data: T) {
  return z.object({ data, version: z.string(), ticket: z.optional(Ticket) });
}

export const Empty = z.union([z.undefined(), z.null(), z.object({})]);
