import type { RegionLevel } from '@wenming/contracts';

const byLength: Record<number, RegionLevel> = {
  2: 'province',
  4: 'prefecture',
  6: 'county',
  9: 'township',
  12: 'village',
};
const order: RegionLevel[] = ['province', 'prefecture', 'county', 'township', 'village'];

/** GB/T 2260 level of a code by its length (2/4/6/9/12 digits), or null. */
export function levelOfCode(code: string): RegionLevel | null {
  return byLength[code.length] ?? null;
}

export function childLevel(level: RegionLevel): RegionLevel | null {
  return order[order.indexOf(level) + 1] ?? null;
}
