// Statement periods as Shanghai calendar days (the time bank's statements are inclusive on both ends).

export type PeriodKey = 'thisMonth' | 'lastMonth' | 'thisYear';
export const periodKeys: PeriodKey[] = ['thisMonth', 'lastMonth', 'thisYear'];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `{from, to}` of a period around `now`, in Asia/Shanghai. */
export function periodRange(key: PeriodKey, now = new Date()): { from: string; to: string } {
  const sh = new Date(now.getTime() + 8 * 3600_000);
  const y = sh.getUTCFullYear();
  const m = sh.getUTCMonth() + 1;
  if (key === 'thisYear') return { from: day(y, 1, 1), to: day(y, 12, 31) };
  if (key === 'thisMonth') return { from: day(y, m, 1), to: day(y, m, lastDay(y, m)) };
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  return { from: day(py, pm, 1), to: day(py, pm, lastDay(py, pm)) };
}
