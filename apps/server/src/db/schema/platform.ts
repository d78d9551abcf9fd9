import {
  bigint,
  boolean,
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
import { createdAt, tenantId, tstz } from './types';

/** The registry of tenants: the one table not keyed by tenant (it defines them). */
export const tenant = pgTable('tenant', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  rootRegionCode: text('root_region_code'),
  /** Bumped by a trigger on every change to the tenant's regions: per-process region-tree caches key on it. */
  regionVersion: bigint('region_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
});

export const account = pgTable(
  'account',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    isDisabled: boolean('is_disabled').notNull().default(false),
    passwordChangedAt: tstz('password_changed_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('account_username_uq').on(t.tenantId, t.username)],
);

/**
 * Failed sign-ins per username, whether or not the account exists, so that a lockout
 * answer never tells which usernames are real.
 */
export const loginLock = pgTable(
  'login_lock',
  {
    tenantId: tenantId(),
    username: text('username').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.username] })],
);

export const role = pgTable(
  'role',
  {
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    isBuiltin: boolean('is_builtin').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

export const roleAssignment = pgTable(
  'role_assignment',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    roleCode: text('role_code').notNull(),
    scopeKind: text('scope_kind').notNull(),
    scopeRef: text('scope_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.roleCode], foreignColumns: [role.tenantId, role.code] }),
    index('role_assignment_account_idx').on(t.tenantId, t.accountId),
  ],
);

export const session = pgTable(
  'session',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('session_token_uq').on(t.tenantId, t.tokenHash),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * Append-only, hash-chained per tenant; a trigger refuses UPDATE and DELETE. Partitioned by month of `at`
 * (platform/partitions.ts); a detached month leaves an audit_anchor the chain is verified from.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    tenantId: tenantId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq, t.at] }),
    index('audit_event_object_idx').on(t.tenantId, t.objectType, t.objectId),
    index('audit_event_actor_idx').on(t.tenantId, t.actorId),
    index('audit_event_at_idx').on(t.tenantId, t.at),
  ],
);

/** The head of each tenant's audit chain, locked while an event is appended. */
export const auditHead = pgTable('audit_head', {
  tenantId: uuid('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Where a tenant's audit chain continues after its oldest months were detached (archived): the last archived
 * event's seq and hash. verify-audit starts from here instead of the genesis hash.
 */
export const auditAnchor = pgTable('audit_anchor', {
  tenantId: uuid('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  archivedAt: tstz('archived_at').notNull().defaultNow(),
});

/**
 * History tables partitioned by month (platform/partitions.ts): the partition column, how many months back the
 * partitions are kept attached (null: all), and how many months ahead the partition job creates.
 */
export const partitionedTable = pgTable('partitioned_table', {
  tableName: text('table_name').primaryKey(),
  columnName: text('column_name').notNull(),
  retentionMonths: integer('retention_months'),
  aheadMonths: integer('ahead_months').notNull().default(3),
});

export const fileObject = pgTable(
  'file_object',
  {
    tenantId: tenantId(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sha256] })],
);

export const file = pgTable(
  'file',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default('general'),
    uploadedBy: uuid('uploaded_by'),
    clientTime: tstz('client_time'),
    gpsLat: text('gps_lat'),
    gpsLng: text('gps_lng'),
    device: text('device'),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sha256], foreignColumns: [fileObject.tenantId, fileObject.sha256] }),
  ],
);

export const job = pgTable(
  'job',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: tstz('run_at').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: tstz('locked_until'),
    progress: integer('progress').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    lastError: text('last_error'),
    result: jsonb('result'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('job_claim_idx').on(t.status, t.runAt)],
);

/** Stored answers of writes sent with an Idempotency-Key, replayed on a resend. */
export const idempotencyRecord = pgTable(
  'idempotency_record',
  {
    tenantId: tenantId(),
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.actorId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);
