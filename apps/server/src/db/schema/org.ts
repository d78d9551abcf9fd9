import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, tenantId, tstz, updatedAt } from './types';

export const region = pgTable(
  'region',
  {
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    path: ltree('path').notNull(),
    status: text('status').notNull().default('active'),
    mergedInto: text('merged_into'),
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    foreignKey({ columns: [t.tenantId, t.parentCode], foreignColumns: [t.tenantId, t.code] }),
    index('region_path_gist').using('gist', t.path),
    index('region_parent_idx').on(t.tenantId, t.parentCode),
  ],
);

/** History of region edits: every add, rename, merge and retire with before and after. */
export const regionChange = pgTable(
  'region_change',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('region_change_region_idx').on(t.tenantId, t.regionCode),
  ],
);

export const grid = pgTable(
  'grid',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    boundary: jsonb('boundary'),
    centerLat: doublePrecision('center_lat'),
    centerLng: doublePrecision('center_lng'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('grid_code_uq').on(t.tenantId, t.code),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('grid_region_idx').on(t.tenantId, t.regionCode),
  ],
);

export const unit = pgTable(
  'unit',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    creditCode: text('credit_code'),
    regionCode: text('region_code').notNull(),
    parentUnitId: uuid('parent_unit_id'),
    honorTier: text('honor_tier').notNull().default('none'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    address: text('address'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('unit_credit_code_uq').on(t.tenantId, t.creditCode),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.parentUnitId], foreignColumns: [t.tenantId, t.id] }),
    index('unit_region_idx').on(t.tenantId, t.regionCode),
    index('unit_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const person = pgTable(
  'person',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    idCardEnc: text('id_card_enc'),
    /** HMAC of the ID number: finds duplicates without decrypting. */
    idCardHash: text('id_card_hash'),
    idCardMasked: text('id_card_masked'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    unitId: uuid('unit_id'),
    regionCode: text('region_code').notNull(),
    position: text('position'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('person_id_card_uq').on(t.tenantId, t.idCardHash),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('person_region_idx').on(t.tenantId, t.regionCode),
    index('person_unit_idx').on(t.tenantId, t.unitId),
    index('person_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const practiceSite = pgTable(
  'practice_site',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    fiveHas: jsonb('five_has').$type<Record<string, boolean>>().notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('site_region_idx').on(t.tenantId, t.regionCode),
  ],
);

export const pairing = pgTable(
  'pairing',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    targetKind: text('target_kind').notNull(),
    targetRef: text('target_ref').notNull(),
    /** Region of the target, so that region scopes reach pairings without joins. */
    regionCode: text('region_code').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('pairing_uq').on(t.tenantId, t.unitId, t.kind, t.targetKind, t.targetRef),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('pairing_target_idx').on(t.tenantId, t.targetKind, t.targetRef),
  ],
);

/** Inspection point (点位): a place inspected against a framework; pairings make units responsible for it. */
export const point = pgTable(
  'point',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    pointType: text('point_type').notNull(),
    regionCode: text('region_code').notNull(),
    gridId: uuid('grid_id'),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grid.tenantId, grid.id] }),
    index('point_region_idx').on(t.tenantId, t.regionCode),
    index('point_type_idx').on(t.tenantId, t.pointType),
  ],
);
