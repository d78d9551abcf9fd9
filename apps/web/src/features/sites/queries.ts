import type { fiveHasKeys, SiteKind } from '@wenming/contracts';
import { createResource } from '../../components/resource';

export type FiveHas = Record<(typeof fiveHasKeys)[number], boolean>;

export interface SiteView {
  id: string;
  name: string;
  kind: SiteKind;
  regionCode: string;
  regionName?: string | null;
  address: string | null;
  fiveHas: FiveHas;
  lat: number | null;
  lng: number | null;
  version: number;
}

export const sitesResource = createResource<SiteView>('sites', 'sites');

/** 五有达标: all five standards met. */
export function meetsFiveHas(fiveHas: Partial<FiveHas> | null | undefined): boolean {
  return (
    !!fiveHas && !!(fiveHas.organisation && fiveHas.plan && fiveHas.carrier && fiveHas.highlight && fiveHas.effect)
  );
}
