// A venue's openings as pure rules: which weekly slots fall on a Shanghai date, whether a date is closed, and the
// instants an opening begins and ends. No SQL and no clock here: callers pass `now`.
import type { OpeningSlot, VenueClosure } from '@wenming/contracts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../platform/clock';

export interface Openings {
  openingSlots: OpeningSlot[];
  closures: VenueClosure[];
}

export interface Opening {
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The openings of a venue on a Shanghai date, by start time (none on a closure day). */
export function openingsOn(venue: Openings, date: string): Opening[] {
  if (venue.closures.some((c) => c.date === date)) return [];
  const weekday = weekdayOf(date);
  return venue.openingSlots
    .filter((s) => s.weekday === weekday)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((s) => ({
      date,
      start: s.start,
      end: s.end,
      startsAt: shanghaiInstant(date, s.start),
      endsAt: shanghaiInstant(date, s.end),
    }));
}

/** The opening starting at HH:MM on a date that is still ahead of `now`, or null when the venue is not open then. */
export function bookableOpening(venue: Openings, date: string, start: string, now: Date): Opening | null {
  const found = openingsOn(venue, date).find((o) => o.start === start);
  return found && found.startsAt.getTime() > now.getTime() ? found : null;
}

/** Every opening from `from` for `days` days that starts after `now`. */
export function openingsBetween(venue: Openings, from: string, days: number, now: Date): Opening[] {
  const out: Opening[] = [];
  for (let i = 0; i < days; i++) {
    for (const o of openingsOn(venue, addDays(from, i))) if (o.startsAt.getTime() > now.getTime()) out.push(o);
  }
  return out;
}

/** Every opening of a Shanghai month (YYYY-MM), past or not. */
export function openingsOfMonth(venue: Openings, month: string): Opening[] {
  const out: Opening[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) out.push(...openingsOn(venue, date));
  return out;
}

/** Today in Shanghai, or the later of a requested day and today. */
export function firstDay(requested: string | undefined, now: Date): string {
  const today = shanghaiDate(now);
  return requested && requested > today ? requested : today;
}
