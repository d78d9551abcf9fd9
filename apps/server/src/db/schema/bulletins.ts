// Tables of the bulletins (通报) part of the evaluations module, and the demo map shapes of the big screen.
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { region } from './org';
import { createdAt, tenantId, tstz } from './types';

/**
 * A published bulletin: a frozen snapshot of an evaluation's results with its document number. Never edited after
 * publishing except for `superseded_by`, set when a correction bulletin replaces it.
 */
export const bulletin = pgTable(
  'bulletin',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    /** Root region of the evaluated subjects: the bulletin's scope. */
    regionCode: text('region_code').notNull(),
    docYear: integer('doc_year').notNull(),
    docSeq: integer('doc_seq').notNull(),
    docNumber: text('doc_number').notNull(),
    title: text('title').notNull(),
    periodLabel: text('period_label').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    replacesId: uuid('replaces_id'),
    supersededBy: uuid('superseded_by'),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: tstz('published_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('bulletin_doc_number_uq').on(t.tenantId, t.docYear, t.docSeq),
    unique('bulletin_replaces_uq').on(t.tenantId, t.replacesId),
    foreignKey({ columns: [t.tenantId, t.replacesId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('bulletin_published_idx').on(t.tenantId, t.publishedAt),
    index('bulletin_evaluation_idx').on(t.tenantId, t.evaluationId),
  ],
);

/** A region's outline as a GeoJSON geometry (Polygon or MultiPolygon, lng/lat) for the big-screen map. */
export const regionShape = pgTable(
  'region_shape',
  {
    tenantId: tenantId(),
    regionCode: text('region_code').notNull(),
    geometry: jsonb('geometry').$type<Record<string, unknown>>().notNull(),
    /** [lng, lat] of the label point. */
    center: jsonb('center').$type<[number, number]>().notNull(),
    source: text('source').notNull().default('generated'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.regionCode] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
  ],
);
