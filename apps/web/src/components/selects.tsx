import type { PersonView, UnitView } from '@wenming/contracts';
import { RemoteMultiSelect, type RemoteMultiSelectProps, RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

export interface RegionListItem {
  code: string;
  name: string;
  level: string;
  status: string;
  parentCode: string | null;
  path: string;
}

export interface GridListItem {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName?: string | null;
}

/** Region picker searching GET /regions?q= (name, pinyin initials, code). */
export function RegionSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect<RegionListItem>
      {...props}
      source={{
        queryKey: 'regions',
        path: 'regions',
        toOption: (r) => ({ value: r.code, label: `${r.name}（${r.code}）` }),
      }}
    />
  );
}

/** Unit picker searching GET /units?q=. */
export function UnitSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect<UnitView>
      {...props}
      source={{ queryKey: 'units', path: 'units', toOption: (u) => ({ value: u.id, label: u.name }) }}
    />
  );
}

/** Several units, searching GET /units?q=. */
export function UnitMultiSelect(props: RemoteMultiSelectProps) {
  return (
    <RemoteMultiSelect<UnitView>
      {...props}
      source={{ queryKey: 'units', path: 'units', toOption: (u) => ({ value: u.id, label: u.name }) }}
    />
  );
}

/** Grid picker searching GET /grids?q=. */
export function GridSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect<GridListItem>
      {...props}
      source={{ queryKey: 'grids', path: 'grids', toOption: (g) => ({ value: g.id, label: `${g.name}（${g.code}）` }) }}
    />
  );
}

/** Person picker searching GET /people?q=. */
export function PersonSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect<PersonView>
      {...props}
      source={{
        queryKey: 'people',
        path: 'people',
        toOption: (p) => ({ value: p.id, label: p.unitName ? `${p.name}（${p.unitName}）` : p.name }),
      }}
    />
  );
}

/** Practice-site picker searching GET /sites?q=. */
export function SiteSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect<{ id: string; name: string }>
      {...props}
      source={{ queryKey: 'sites', path: 'sites', toOption: (s) => ({ value: s.id, label: s.name }) }}
    />
  );
}
