// Period values as the evaluation contract spells them: 2026-10, 2026-W43 (ISO week), 2026-Q4, 2026.
import type { EvaluationPeriodKind } from '@wenming/contracts';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return { year: weekYear, week };
}

/** The contract's period value for a day of that period (`month`, 2026-10-15 → `2026-10`). */
export function periodValueOf(kind: Exclude<EvaluationPeriodKind, 'range'>, y: number, m: number, d: number): string {
  switch (kind) {
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return String(y);
    case 'week': {
      const w = isoWeek(y, m, d);
      return `${w.year}-W${pad(w.week)}`;
    }
  }
}

/** A percent typed in the form (60) as the contract's share of full marks (0.6); empty stays null. */
export function percentToShare(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return null;
  return Math.round(percent * 100) / 10000;
}

/** True when an evaluation's period (`start`–`end`, ISO dates) shares a day with the month `YYYY-MM`. */
export function overlapsMonth(period: { start: string; end: string }, month: string): boolean {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  return period.start.slice(0, 10) <= last && period.end.slice(0, 10) >= first;
}
