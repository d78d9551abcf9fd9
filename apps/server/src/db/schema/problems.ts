import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, tstz, updatedAt } from './types';

/** Problem categories (also the Open311 services): what was found, with its default severity and routing hints. */
export const problemCategory = pgTable(
  'problem_category',
  {
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    group: text('group'),
    keywords: text('keywords'),
    defaultSeverity: text('default_severity').notNull().default('medium'),
    /** Open311 service definition attributes. */
    attributes: jsonb('attributes').$type<Record<string, unknown>[]>().notNull().default([]),
    /** Routing: among the units paired with the place, prefer pairings of these kinds (包街 for back streets …). */
    pairingKinds: text('pairing_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** Routing: the unit that handles the category where no pairing answers (a functional department). */
    fallbackUnitId: uuid('fallback_unit_id'),
    isActive: integer('is_active').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** Human problem numbers (WT202611-000123) draw from one sequence: no lock shared by concurrent reports. */
export const problemNumberSeq = pgSequence('problem_number_seq', { startWith: 1, cache: 20 });

/** A problem on the problem list (问题清单), from a finding, a grid worker, a unit, a resident or Open311. */
export const problem = pgTable(
  'problem',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    description: text('description').notNull(),
    pointId: uuid('point_id'),
    gridId: uuid('grid_id'),
    regionCode: text('region_code').notNull(),
    /** The region's ltree path plus a final dot ('6203.620302.'), so a subtree is one index range (LIKE 'p.%'). */
    regionPath: text('region_path').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    /** Simplified, lower-case number + description + address, for `q`. */
    searchText: text('search_text').notNull().default(''),
    assignedUnitId: uuid('assigned_unit_id'),
    deadlineAt: tstz('deadline_at'),
    /** Set by the escalation job: the reminder before the deadline, the overdue flag, the escalation notice. */
    remindedAt: tstz('reminded_at'),
    overdueAt: tstz('overdue_at'),
    escalatedAt: tstz('escalated_at'),
    reportedBy: uuid('reported_by'),
    reporterName: text('reporter_name'),
    reporterContactEnc: text('reporter_contact_enc'),
    inspectionId: uuid('inspection_id'),
    observationId: uuid('observation_id'),
    indicatorId: uuid('indicator_id'),
    duplicateOf: uuid('duplicate_of'),
    open311ClientId: uuid('open311_client_id'),
    /** Open311 `attribute[code]` values and `media_url`. */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    mediaUrl: text('media_url'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: tstz('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('problem_number_uq').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.category], foreignColumns: [problemCategory.tenantId, problemCategory.code] }),
    // The office's list: state and region subtree as index ranges, newest first; id makes it index-only.
    index('problem_status_path_idx').on(t.tenantId, t.status, t.regionPath.op('text_pattern_ops'), t.createdAt, t.id),
    // Newest first within a state; the trailing path lets a subtree be checked in the index (index-only pages).
    index('problem_status_created_idx').on(t.tenantId, t.status, t.createdAt, t.id, t.regionPath),
    index('problem_path_idx').on(t.tenantId, t.regionPath.op('text_pattern_ops'), t.createdAt, t.id),
    index('problem_created_idx').on(t.tenantId, t.createdAt, t.id, t.regionPath),
    index('problem_unit_idx').on(t.tenantId, t.assignedUnitId, t.status),
    index('problem_deadline_idx').on(t.tenantId, t.deadlineAt),
    index('problem_category_idx').on(t.tenantId, t.category, t.createdAt),
    index('problem_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

/** Every state change of a problem, with who, why, and the photos it brought (append-only history). */
export const problemTransition = pgTable(
  'problem_transition',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    problemId: uuid('problem_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    unitId: uuid('unit_id'),
    reason: text('reason'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.problemId], foreignColumns: [problem.tenantId, problem.id] }),
    index('problem_transition_problem_idx').on(t.tenantId, t.problemId, t.at),
    index('problem_transition_at_idx').on(t.tenantId, t.at),
  ],
);

/** Photos of a problem: `before` (as found) and `after` (rectified), stored through the file store. */
export const problemPhoto = pgTable(
  'problem_photo',
  {
    tenantId: tenantId(),
    problemId: uuid('problem_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind').notNull(),
    transitionId: uuid('transition_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.problemId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.problemId], foreignColumns: [problem.tenantId, problem.id] }),
  ],
);

/** Rules of a tenant: deadlines by severity, reminder and escalation delays, duplicate radius (defaults in contracts). */
export const problemSetting = pgTable('problem_setting', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});

/** Reminders, overdue notices and escalations of the deadline job, to the unit, its leader or the office. */
export const problemNotice = pgTable(
  'problem_notice',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    problemId: uuid('problem_id').notNull(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    unitId: uuid('unit_id'),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** One notice per problem, kind, recipient and deadline: a rerun of the job adds nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('problem_notice_dedupe_uq').on(t.tenantId, t.dedupeKey),
    foreignKey({ columns: [t.tenantId, t.problemId], foreignColumns: [problem.tenantId, problem.id] }),
    index('problem_notice_unit_idx').on(t.tenantId, t.unitId, t.createdAt),
    index('problem_notice_problem_idx').on(t.tenantId, t.problemId),
  ],
);

/** An Open311 client (civic-tech app, other system) with its API key, stored as a SHA-256 hash. */
export const open311Client = pgTable(
  'open311_client',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    contact: text('contact'),
    keyHash: text('key_hash').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
    lastUsedAt: tstz('last_used_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('open311_client_key_uq').on(t.tenantId, t.keyHash)],
);

/** Tokens answered for Open311 requests: `GET tokens/{token}` finds the request behind one. */
export const open311Token = pgTable(
  'open311_token',
  {
    tenantId: tenantId(),
    token: text('token').notNull(),
    problemId: uuid('problem_id').notNull(),
    clientId: uuid('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.token] }),
    foreignKey({ columns: [t.tenantId, t.problemId], foreignColumns: [problem.tenantId, problem.id] }),
  ],
);

/** Updates posted by Open311 clients (mySociety `POST servicerequestupdates`): comments beside the history. */
export const open311Update = pgTable(
  'open311_update',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    problemId: uuid('problem_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** The client's own id of the update: a resend stores nothing twice. */
    clientUpdateId: text('client_update_id').notNull(),
    status: text('status').notNull(),
    description: text('description'),
    mediaUrl: text('media_url'),
    authorName: text('author_name'),
    authorContactEnc: text('author_contact_enc'),
    updatedDatetime: tstz('updated_datetime').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('open311_update_client_uq').on(t.tenantId, t.clientId, t.clientUpdateId),
    foreignKey({ columns: [t.tenantId, t.problemId], foreignColumns: [problem.tenantId, problem.id] }),
    index('open311_update_at_idx').on(t.tenantId, t.createdAt),
  ],
);
