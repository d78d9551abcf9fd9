// The demo tenant's inspection points (点位): 66 places of every type in 22 communities around 38.5 N, 102.19 E.
import { type PointType, pointTypes } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { buildSearchText } from '../../../platform/search-text';
import { demoUnits } from '../../../demo/demo-units';

const COMMUNITIES = 22;
const PER_COMMUNITY = 3;

const roads = ['北京路', '新华路', '金川路', '长春路', '建设路', '人民路'];
const estates = ['幸福', '和谐', '阳光', '金色', '紫金', '祥和'];

/** A fitting name for the k-th point of a type in a community called `place`. */
function nameOf(type: PointType, place: string, k: number): string {
  const names: Record<PointType, string> = {
    residential: `${estates[k % estates.length]}家园小区`,
    back_street: `${place}东巷`,
    market: `${place}农贸市场`,
    main_road: `${roads[k % roads.length]}（${place}段）`,
    park_square: `${place}文化广场`,
    window: `${place}便民服务中心`,
    hospital: `${place}社区卫生服务中心`,
    school_area: `${place}小学周边`,
    bus_stop: `${roads[k % roads.length]}${place}公交站`,
    toilet: `${place}公厕`,
    practice_site: `${place}新时代文明实践站`,
  };
  return type === 'residential' ? `${place}${names[type]}` : names[type];
}

/** Units paired (包联) with points of a type, by their demo name: routing of findings starts there. */
const pointUnits: Partial<Record<PointType, string>> = {
  hospital: '示范市人民医院',
  market: '示范市农贸市场服务中心',
  bus_stop: '示范市公交集团有限公司',
  window: '示范市政务服务中心',
  school_area: '示范市团结小学',
};

export interface DemoPoint {
  id: string;
  pointType: PointType;
  regionCode: string;
}

interface Community {
  code: string;
  name: string;
  grid_id: string | null;
}

/** The rows of a community's points: names by type, addresses, coordinates on a small grid around the centre. */
function pointRows(c: Community, ci: number) {
  const place = c.name.replace(/(社区|村)?(居民|村民)委员会$/, '').replace(/社区$/, '');
  return Array.from({ length: PER_COMMUNITY }, (_, k) => {
    const type = pointTypes[(ci * PER_COMMUNITY + k) % pointTypes.length];
    const name = nameOf(type, place, ci + k);
    const address = `示范市${c.name.replace(/(居民|村民)委员会$/, '')}${roads[(ci + k) % roads.length]}${10 + ci * 3 + k}号`;
    const lat = Math.round((38.485 + (ci % 6) * 0.006 + k * 0.0012) * 1e6) / 1e6;
    const lng = Math.round((102.165 + Math.floor(ci / 6) * 0.012 + k * 0.0017) * 1e6) / 1e6;
    const search = buildSearchText(name, address);
    return { id: newId(), name, type, region: c.code, grid: c.grid_id, address, lat, lng, search };
  });
}

/** Pair the points of some types with the unit responsible for such places. */
async function pairWithUnits(db: Db, tenantId: string, points: DemoPoint[]) {
  const units = await db.execute(sql`SELECT id, name FROM unit WHERE tenant_id = ${tenantId}
    AND name = ANY(${sql.param(demoUnits.map((u) => u.name))}::text[])`);
  const unitOf = new Map(units.rows.map((u: any) => [u.name as string, u.id as string]));
  const pairings = points
    .filter((p) => unitOf.has(pointUnits[p.pointType] ?? ''))
    .map((p) => ({ id: newId(), unit: unitOf.get(pointUnits[p.pointType]!), ref: p.id, region: p.regionCode }));
  await db.execute(sql`INSERT INTO pairing (tenant_id, id, unit_id, kind, target_kind, target_ref, region_code, note)
    SELECT ${tenantId}, x.id, x.unit, 'baolian', 'point', x.ref, x.region, '点位包联（演示）'
    FROM jsonb_to_recordset(${JSON.stringify(pairings)}::jsonb) AS x(id uuid, unit uuid, ref text, region text)`);
}

/** Insert the demo points with their grids and the unit pairings of their types. */
export async function insertDemoPoints(db: Db, tenantId: string): Promise<DemoPoint[]> {
  const res = await db.execute(sql`SELECT r.code, r.name, (SELECT g.id FROM grid g WHERE g.tenant_id = r.tenant_id
      AND g.region_code = r.code LIMIT 1) AS grid_id
    FROM region r WHERE r.tenant_id = ${tenantId} AND r.level = 'village' ORDER BY r.code LIMIT ${COMMUNITIES}`);
  const rows = (res.rows as unknown as Community[]).flatMap(pointRows);
  await db.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code, grid_id, address, lat, lng, search_text)
    SELECT ${tenantId}, x.id, x.name, x.type, x.region, x.grid, x.address, x.lat, x.lng, x.search
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, name text, type text, region text, grid uuid,
      address text, lat float8, lng float8, search text)`);
  const points = rows.map((r) => ({ id: r.id, pointType: r.type, regionCode: r.region }));
  await pairWithUnits(db, tenantId, points);
  return points;
}
