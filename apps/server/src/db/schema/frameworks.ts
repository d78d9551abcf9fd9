import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, tstz } from './types';

/**
 * A version of an evaluation framework (测评体系). Versions of one framework share `familyId`;
 * draft → published (immutable) → superseded.
 */
export const framework = pgTable(
  'framework',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull().default('draft'),
    derivedFrom: uuid('derived_from'),
    totalPoints: numeric('total_points', { precision: 10, scale: 2, mode: 'number' }),
    /** 达标线: share of full marks (0–1) a subject must reach to count as compliant. */
    complianceLine: numeric('compliance_line', { precision: 5, scale: 4, mode: 'number' }),
    description: text('description'),
    /** Simplified name, code and pinyin (initials and full), so lists find 團結 and "mztj" alike. */
    searchText: text('search_text').notNull().default(''),
    rowVersion: integer('row_version').notNull().default(1),
    publishedAt: tstz('published_at'),
    publishedBy: uuid('published_by'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('framework_family_version_uq').on(t.tenantId, t.familyId, t.version),
    index('framework_code_idx').on(t.tenantId, t.code),
    index('framework_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    // At most one published version per family: publishing supersedes the previous one.
    uniqueIndex('framework_one_published_uq').on(t.tenantId, t.familyId).where(sql`status = 'published'`),
  ],
);

/** A node of a framework's indicator tree (测评项目 → 测评内容 → 测评标准, any depth). */
export const indicator = pgTable(
  'indicator',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    depth: integer('depth').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 测评标准 text: what is checked, in the manual's words. */
    standard: text('standard'),
    points: numeric('points', { precision: 10, scale: 2, mode: 'number' }),
    weight: numeric('weight', { precision: 10, scale: 4, mode: 'number' }),
    /** Assessment methods: field | document | questionnaire | online_survey | report | observation. */
    methods: jsonb('methods').$type<string[]>().notNull().default([]),
    /** Point types this standard applies to (empty: all). */
    pointTypes: jsonb('point_types').$type<string[]>().notNull().default([]),
    /** Scoring rule: {kind: check|deduct|graded|survey|manual, perFinding?, floor?, levels?}. */
    scoringRule: jsonb('scoring_rule').$type<Record<string, unknown>>().notNull(),
    /** When true, the children's points need not add up to this node's points. */
    isSumExempt: boolean('is_sum_exempt').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('indicator_code_uq').on(t.tenantId, t.frameworkId, t.code),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }).onDelete('cascade'),
    index('indicator_framework_idx').on(t.tenantId, t.frameworkId, t.position),
    // Children lookups, and the parent foreign key's cascade, would otherwise scan the whole table.
    index('indicator_parent_idx').on(t.tenantId, t.parentId),
  ],
);

/** Negative list (负面清单) of a framework: veto (一票否决), suspension, or a fixed deduction. */
export const negativeItem = pgTable(
  'negative_item',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    effect: text('effect').notNull(),
    deduction: numeric('deduction', { precision: 10, scale: 2, mode: 'number' }),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('negative_item_code_uq').on(t.tenantId, t.frameworkId, t.code),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }).onDelete(
      'cascade',
    ),
  ],
);
