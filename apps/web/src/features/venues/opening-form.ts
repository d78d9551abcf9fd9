// The venue form's openings as the clerk types them (days ticked, "09:00-10:30, 14:00-15:30") and back.
import type { OpeningSlot, VenueClosure } from '@wenming/contracts';

/** Weekly slots from ticked weekdays and a list of daily time ranges. */
export function toOpeningSlots(weekdays: number[], times: string): OpeningSlot[] {
  const ranges = times
    .split(/[,，;；\s]+/)
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => r.split(/[-–~～]/).map((x) => x.trim()));
  return weekdays.flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end: end ?? '' })));
}

/** Ticked weekdays and the time ranges of the first open day. */
export function fromOpeningSlots(slots: OpeningSlot[]): { weekdays: number[]; times: string } {
  const weekdays = [...new Set(slots.map((s) => s.weekday))].sort();
  const first = slots.filter((s) => s.weekday === weekdays[0]);
  return { weekdays, times: first.map((s) => `${s.start}-${s.end}`).join(', ') };
}

/** Closure days from comma-separated dates. */
export function toClosures(text: string | undefined): VenueClosure[] {
  return (text ?? '')
    .split(/[,，;；\s]+/)
    .map((d) => d.trim())
    .filter(Boolean)
    .map((date) => ({ date }));
}
