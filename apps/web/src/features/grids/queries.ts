import { createResource } from '../../components/resource';

export interface GridView {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName?: string | null;
  boundary?: unknown;
  centerLat: number | null;
  centerLng: number | null;
  version: number;
}

export const gridsResource = createResource<GridView>('grids', 'grids');
