import * as z from 'zod/mini';
import { EMAIL } from '../validators/email.js';

/**
 * ISO 8601 date-time with seconds and `Z` or an offset: the pattern `z.iso.datetime({ offset: true })`
 * builds (real calendar dates, leap years), kept as one regex check because the string-format
 * machinery behind `z.iso` costs the bundle ~0.7 KB gzip for this one schema.
 */
export const IsoDateTime = z.string().check(
  z.regex(
    /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/,
  ),
);

/** ISO 4217 currency code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An email address (`z.email()`'s own pattern as a regex check, which the bundle already has). */
export const Email = z.string().check(z.regex(EMAIL));

/** A string with at least one character (a regex check: `z.minLength` would add its own check type). */
export const NonEmpty = z.string().check(z.regex(/./su));

/** An integer (`z.int()` brings a number-format type; a multiple of 1 is the same rule here). */
export const Int = z.number().check(z.multipleOf(1));

/**
 * A string-keyed map of `value`: an object whose every key is checked by `value`, the same rule as
 * `z.record(z.string(), value)` without the record type's code in the bundle.
 */
export function map<T extends z.ZodMiniType>(value: T) {
  return z.catchall(z.object({}), value);
}

/** A confirmation or support ticket created by a change. */
export const Ticket = z.object({
  id: NonEmpty,
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

/**
 * The three schemas a settings element parses with: its data's, a read's (`versioned`) and a
 * write's (`updated`). Built in one place so an element can hand them over in a lazy chunk.
 */
export function settingsSchemas<T extends z.ZodMiniType>(data: T) {
  return { data, versioned: versioned(data), updated: updated(data) };
}
export interface SettingsSchemas<T> {
  data: z.ZodMiniType<T>;
  versioned: z.ZodMiniType<{ data: T; version: string }>;
  updated: z.ZodMiniType<{ data: T; version: string; ticket?: Ticket }>;
}

/** Nothing: `undefined`, `null` or a plain `{}` (strict: an object with fields is not nothing). */
function isNothing(v: unknown): boolean {
  return v == null || (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v as object).length === 0);
}

type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
const notNothing: SafeParse<never> = { success: false, error: { issues: [{ path: [] }] } };

/**
 * The answer of a write that returns nothing: `undefined`, `null` or an object, whose content is
 * not used (an adapter may pass on its server's `{ ok: true }`, or a fetch Response); a string (an
 * HTML error page), a number, a boolean or an array is malformed. Only `safeParse`, all that `parseResponse`
 * uses: a zod union of undefined, null and a strict object would add those zod kinds to every
 * element entry that shares zod with an action chunk (about 0.55 KB gzip each, over budget).
 */
export const Empty = {
  safeParse: (v: unknown): SafeParse<undefined> => (v == null || (typeof v === 'object' && !Array.isArray(v)) ? { success: true, data: undefined } : notNothing),
} as unknown as z.ZodMiniType<undefined>;

/** The answer of a write that returns `T` or nothing (`Promise<T | void>` in the contract). */
export function orEmpty<T>(schema: z.ZodMiniType<T>): z.ZodMiniType<T | undefined> {
  return {
    safeParse: (v: unknown) => (isNothing(v) ? { success: true, data: undefined } : schema.safeParse(v)),
  } as unknown as z.ZodMiniType<T | undefined>;
}
