import { z } from 'zod';
import { checkIdCard, checkUscc, isMobilePhone } from './identity';
import { pageQuery } from './common';

export const regionLevels = ['province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  status: 'active' | 'retired';
  childCount?: number;
  children?: RegionNode[];
}

export const regionCode = z.string().regex(/^\d{2,12}$/, 'region_code');

/** `?q=`: a region by name, pinyin initials or code prefix, for anyone choosing where they live. */
export const regionLookupQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type RegionLookupQuery = z.infer<typeof regionLookupQuery>;

/** A region found by the lookup, with the names of the regions above it (示范市 金川区 滨河路街道). */
export interface RegionPlace {
  code: string;
  name: string;
  level: RegionLevel;
  /** Names from the top of the tenant's tree down to the parent. */
  within: string;
}
export const regionTreeQuery = z.object({
  root: regionCode.optional(),
  depth: z.coerce.number().int().min(0).max(5).default(2),
});

export const regionCreateBody = z.object({
  code: regionCode,
  name: z.string().trim().min(1).max(100),
  parentCode: regionCode,
});
export const regionRenameBody = z.object({
  name: z.string().trim().min(1).max(100),
  reason: z.string().max(500).optional(),
});
export const regionMergeBody = z.object({ intoCode: regionCode, reason: z.string().max(500).optional() });
export const regionRetireBody = z.object({ reason: z.string().max(500).optional() });

export const unitTypes = [
  'organ',
  'institution',
  'enterprise',
  'school',
  'hospital',
  'window',
  'religious',
  'social_org',
  'scenic',
  'community',
  'other',
] as const;
export type UnitType = (typeof unitTypes)[number];

export const honorTiers = ['none', 'county', 'city', 'province', 'national', 'model'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => checkUscc(v) === null, { message: 'credit_code' });

export const unitBody = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(unitTypes),
  creditCode: creditCode.optional().nullable(),
  regionCode: regionCode,
  parentUnitId: z.string().uuid().optional().nullable(),
  honorTier: z.enum(honorTiers).default('none'),
  contactName: optionalText(50),
  contactPhone: z
    .string()
    .trim()
    .refine((v) => v === '' || isMobilePhone(v), { message: 'phone' })
    .optional()
    .nullable(),
  address: optionalText(300),
});
export type UnitBody = z.infer<typeof unitBody>;
export const unitListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(unitTypes).optional(),
  regionCode: regionCode.optional(),
});

export interface UnitView {
  id: string;
  name: string;
  type: UnitType;
  creditCode: string | null;
  regionCode: string;
  regionName: string | null;
  parentUnitId: string | null;
  honorTier: (typeof honorTiers)[number];
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  version: number;
}

export const genders = ['male', 'female'] as const;
export const idCardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => checkIdCard(v) === null, { message: 'id_card' });
export const mobilePhone = z
  .string()
  .trim()
  .refine((v) => isMobilePhone(v), { message: 'phone' });

export const personBody = z.object({
  name: z.string().trim().min(1).max(50),
  gender: z.enum(genders).optional().nullable(),
  idCard: idCardNumber.optional().nullable(),
  phone: mobilePhone.optional().nullable(),
  unitId: z.string().uuid().optional().nullable(),
  regionCode: regionCode,
  position: optionalText(100),
});
export type PersonBody = z.infer<typeof personBody>;
export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: z.string().uuid().optional(),
  regionCode: regionCode.optional(),
});
export interface PersonView {
  id: string;
  name: string;
  gender: (typeof genders)[number] | null;
  idCardMasked: string | null;
  phoneMasked: string | null;
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  regionName: string | null;
  position: string | null;
  hasAccount: boolean;
  version: number;
}

export const gridBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  regionCode: regionCode,
  boundary: z.unknown().optional().nullable(),
  centerLat: z.number().min(-90).max(90).optional().nullable(),
  centerLng: z.number().min(-180).max(180).optional().nullable(),
});
export const gridListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCode.optional(),
});

export const siteKinds = ['centre', 'institute', 'station', 'base', 'post'] as const;
export type SiteKind = (typeof siteKinds)[number];
/** 五有: 有组织机构、有活动方案、有支撑载体、有特色亮点、有活动实效. */
export const fiveHasKeys = ['organisation', 'plan', 'carrier', 'highlight', 'effect'] as const;
export const fiveHas = z.object(
  Object.fromEntries(fiveHasKeys.map((k) => [k, z.boolean().default(false)])) as {
    [K in (typeof fiveHasKeys)[number]]: z.ZodDefault<z.ZodBoolean>;
  },
);
export const siteBody = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(siteKinds),
  regionCode: regionCode,
  address: optionalText(300),
  fiveHas: fiveHas.default({ organisation: false, plan: false, carrier: false, highlight: false, effect: false }),
  lat: z.number().min(-90).max(90).optional().nullable(),
  lng: z.number().min(-180).max(180).optional().nullable(),
});
export const siteListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(siteKinds).optional(),
  regionCode: regionCode.optional(),
});

export const pairingKinds = ['baolian', 'baojie', 'jiedui'] as const; // 包联 / 包街 / 结对共建
export const pairingTargets = ['region', 'grid', 'point'] as const;
export const pairingBody = z.object({
  unitId: z.string().uuid(),
  kind: z.enum(pairingKinds),
  targetKind: z.enum(pairingTargets),
  targetRef: z.string().trim().min(1).max(64),
  note: optionalText(300),
});
export const pairingListQuery = pageQuery.extend({
  unitId: z.string().uuid().optional(),
  targetKind: z.enum(pairingTargets).optional(),
  regionCode: regionCode.optional(),
});

export const accountBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,64}$/, 'username'),
  personId: z.string().uuid().optional().nullable(),
  displayName: z.string().trim().min(1).max(50),
  initialPassword: z.string().min(1).max(200),
});

export const roleAssignmentBody = z.object({
  role: z.string(),
  scopeKind: z.enum(['all', 'region', 'unit', 'team', 'site', 'own']),
  scopeRef: z.string().max(64).optional().nullable(),
});

// ---- Practice sites, grids, points, pairings and org figures (views and the point catalogue) ----

export type FiveHas = { [K in (typeof fiveHasKeys)[number]]: boolean };
export interface SiteView {
  id: string;
  name: string;
  kind: SiteKind;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  fiveHas: FiveHas;
  /** All five of the 五有 standard are met. */
  fiveHasMet: boolean;
  lat: number | null;
  lng: number | null;
  version: number;
}

export interface GridView {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  boundary: unknown;
  centerLat: number | null;
  centerLng: number | null;
  version: number;
}

/** Point types (点位类型) of the national evaluation system, with their Chinese names. */
export const pointTypes = [
  'residential',
  'back_street',
  'market',
  'main_road',
  'park_square',
  'window',
  'hospital',
  'school_area',
  'bus_stop',
  'toilet',
  'practice_site',
] as const;
export type PointType = (typeof pointTypes)[number];
export const pointTypeNames: Record<PointType, string> = {
  residential: '小区',
  back_street: '背街小巷',
  market: '农贸市场',
  main_road: '主次干道',
  park_square: '公园广场',
  window: '窗口单位',
  hospital: '医院',
  school_area: '学校周边',
  bus_stop: '公交站点',
  toilet: '公厕',
  practice_site: '新时代文明实践所站',
};

export const pointBody = z.object({
  name: z.string().trim().min(1).max(200),
  pointType: z.enum(pointTypes),
  regionCode: regionCode,
  gridId: z.string().uuid().optional().nullable(),
  address: optionalText(300),
  lat: z.number().min(-90).max(90).optional().nullable(),
  lng: z.number().min(-180).max(180).optional().nullable(),
});
export type PointBody = z.infer<typeof pointBody>;
export const pointListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCode.optional(),
  pointType: z.enum(pointTypes).optional(),
  gridId: z.string().uuid().optional(),
});
export interface PointView {
  id: string;
  name: string;
  pointType: PointType;
  regionCode: string;
  regionName: string | null;
  gridId: string | null;
  gridName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  version: number;
}

export type PairingKind = (typeof pairingKinds)[number];
export type PairingTarget = (typeof pairingTargets)[number];
export interface PairingView {
  id: string;
  unitId: string;
  unitName: string | null;
  kind: PairingKind;
  targetKind: PairingTarget;
  targetRef: string;
  targetName: string | null;
  regionCode: string;
  note: string | null;
}

type GeoPosition = number[];
const isPosition = (p: unknown): p is GeoPosition =>
  Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRing = (r: unknown) =>
  Array.isArray(r) &&
  r.length >= 4 &&
  r.every(isPosition) &&
  r[0][0] === r[r.length - 1][0] &&
  r[0][1] === r[r.length - 1][1];
const isPolygonCoords = (c: unknown) => Array.isArray(c) && c.length >= 1 && c.every(isRing);

/** A grid boundary: a GeoJSON Polygon or MultiPolygon (or a Feature of one) with closed rings of numeric positions. */
export function isPolygonGeoJson(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const g = value as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (g.type === 'Feature') return g.geometry !== value && isPolygonGeoJson(g.geometry);
  if (g.type === 'Polygon') return isPolygonCoords(g.coordinates);
  if (g.type === 'MultiPolygon')
    return Array.isArray(g.coordinates) && g.coordinates.length >= 1 && g.coordinates.every(isPolygonCoords);
  return false;
}

export const orgStatsQuery = z.object({ regionCode: regionCode.optional() });
export interface OrgStats {
  regions: { byLevel: Record<RegionLevel, number> };
  units: { total: number; byType: Record<UnitType, number> };
  people: number;
  sites: { byKind: Record<SiteKind, number>; fiveHasMet: number };
  grids: number;
  pairings: number;
  points: number;
}
