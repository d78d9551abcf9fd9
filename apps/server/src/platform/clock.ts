// The one clock of the server. Every "now" and "today" of a rule (periods, deadlines, overdue scans, monthly
// evaluations, reminders, session lifetimes) is read from the clock on the app context, real by default and set
// by tests, so that the product can be tried on any day. Business dates are in Asia/Shanghai (SPEC 3.1), which
// has had no daylight saving since 1991: local time is UTC + 8 hours.

/** Where "now" comes from. */
export interface Clock {
  now(): Date;
}

/** A clock a test sets and moves. */
export interface SettableClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands at `at` until it is set or advanced; `ticking` lets it run on from there. */
export function settableClock(at: Date | string, opts: { ticking?: boolean } = {}): SettableClock {
  let base = new Date(at).getTime();
  if (Number.isNaN(base)) throw new Error(`settableClock: not a time: ${String(at)}`);
  let startedAt = performance.now();
  const ticking = opts.ticking ?? false;
  return {
    now: () => new Date(ticking ? base + Math.floor(performance.now() - startedAt) : base),
    set(next) {
      base = new Date(next).getTime();
      startedAt = performance.now();
    },
    advance(ms) {
      base += ms;
    },
  };
}

/**
 * The clock a process runs on: WENMING_CLOCK (an ISO time) starts a ticking clock there, for trying the product on
 * another day without faking the whole machine's time; otherwise the real time.
 */
export function clockFromEnv(value: string | undefined): Clock {
  return value ? settableClock(value, { ticking: true }) : systemClock;
}

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

const local = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS);

/** The Asia/Shanghai date of an instant: YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return local(at).toISOString().slice(0, 10);
}

/** The Asia/Shanghai month of an instant: YYYY-MM. */
export function shanghaiMonth(at: Date): string {
  return local(at).toISOString().slice(0, 7);
}

/** The Asia/Shanghai year of an instant. */
export function shanghaiYear(at: Date): number {
  return local(at).getUTCFullYear();
}

/** "2026-11-22 15:00": an instant in Asia/Shanghai to the minute, as lists and documents print it. */
export function shanghaiDateTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  return local(new Date(at)).toISOString().slice(0, 16).replace('T', ' ');
}

/** "15:00": the Asia/Shanghai time of day of an instant, to the minute. */
export function shanghaiTime(at: Date | string): string {
  return local(new Date(at)).toISOString().slice(11, 16);
}

/** The instant a Shanghai date (YYYY-MM-DD) and time of day (HH:MM) denote. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00.000+08:00`);
}

/** The instant a Shanghai date (YYYY-MM-DD) begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The instants a Shanghai month (YYYY-MM) begins and the next one begins. */
export function shanghaiMonthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET_MS),
    to: new Date(Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS),
  };
}

/** A date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A month (YYYY-MM) moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/** An instant as ISO text, as SQL parameters and JSON carry it. */
export function iso(at: Date | string | number): string {
  return new Date(at).toISOString();
}

/** A column that may be empty as ISO text, or null (a database timestamp arrives as a Date or as text). */
export function isoOrNull(v: unknown): string | null {
  return v ? new Date(v as string | number | Date).toISOString() : null;
}
