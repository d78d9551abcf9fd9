import { z } from 'zod';

/** A record's optimistic-lock version (an `integer` column): beyond its range it is a 400, never a database error. */
export const versionField = z.number().int().min(0).max(2147483647);

/**
 * A calendar day, YYYY-MM-DD, that exists (2026-13-45 and 2026-02-30 do not), in the years 1900–2999: a day far
 * outside them means nothing here, and year 1 or 9999 ran off PostgreSQL's timestamps once shifted to Shanghai time.
 */
export const calendarDay = z
  .string()
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'invalid_date');

const inAppYears = (ms: number) => ms >= Date.UTC(1900, 0, 1) && ms < Date.UTC(3000, 0, 1);

/** An instant, ISO 8601 with an offset, in the years 1900–2999 (year 0 or +275760 answered 500 from PostgreSQL). */
export const instantString = z
  .string()
  .datetime({ offset: true })
  .refine((v) => inAppYears(Date.parse(v)), 'invalid_date');

/** A date or date-time read into a Date, in the years 1900–2999. */
export const boundedDate = z.coerce.date().refine((d) => inAppYears(d.getTime()), 'invalid_date');

/** Query of every paged list: `?page=1&pageSize=20`. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The list shape of SPEC §6. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Field-level problem reported in `details.fields` of a 400. */
export interface FieldError {
  field: string;
  message: string;
}
/** Row-level problem of an import, reported in `details.rows`. */
export interface RowError {
  row: number;
  field?: string;
  message: string;
}

export const uuid = z.string().uuid();
export const idParam = z.object({ id: z.string().uuid() });

export const languages = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof languages)[number];
