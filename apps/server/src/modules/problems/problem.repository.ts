// Problem queries: view columns, list filters (index ranges on the region path), history and photos.
import {
  type ProblemHistoryEntry,
  type ProblemListQuery,
  type ProblemPhotoView,
  type ProblemView,
  openProblemStatuses,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { normalizeQuery } from '../../platform/search-text';
import { subtreePattern } from './problem.policy';
import { isoOrNull } from '../../platform/clock';

/** In an open state past the deadline, whether or not the job has flagged it yet. */
export const isOverdueSql = (now: Date) =>
  sql`(p.status = ANY(${sql.param([...openProblemStatuses])}::text[]) AND p.deadline_at < ${now.toISOString()}::timestamptz)`;

/** The columns of a problem view; whether it is overdue is judged at `now`. */
export const problemColumns = (
  now: Date,
) => sql`p.id, p.number, p.source, p.status, p.category, c.name AS category_name, p.severity,
  p.description, p.point_id, p.grid_id, p.region_code, rg.name AS region_name, p.lat, p.lng, p.address,
  p.assigned_unit_id, u.name AS unit_name, p.deadline_at, ${isOverdueSql(now)} AS is_overdue, p.created_at, p.updated_at,
  p.closed_at, p.version`;

export const problemFrom = sql`problem p
  JOIN problem_category c ON c.tenant_id = p.tenant_id AND c.code = p.category
  LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code
  LEFT JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.assigned_unit_id`;

/** A row of problemColumns as the API answers it. */
export function toProblemView(r: any): ProblemView {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    status: r.status,
    category: { code: r.category, name: r.category_name },
    severity: r.severity,
    description: r.description,
    pointId: r.point_id,
    gridId: r.grid_id,
    regionCode: r.region_code,
    regionName: r.region_name,
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    address: r.address,
    assignedUnit: r.assigned_unit_id ? { id: r.assigned_unit_id, name: r.unit_name } : null,
    deadlineAt: isoOrNull(r.deadline_at),
    isOverdue: !!r.is_overdue,
    createdAt: isoOrNull(r.created_at)!,
    updatedAt: isoOrNull(r.updated_at)!,
    closedAt: isoOrNull(r.closed_at),
    version: r.version,
  };
}

/**
 * The list filters over `p` at `now`; the region subtree comes resolved to its path (a prefix range of the index),
 * `mine` needs the caller's account.
 */
export function problemFilters(
  f: Partial<ProblemListQuery>,
  regionPath: string | null,
  now: Date,
  accountId?: string | null,
): SQL {
  return allOf(
    f.open ? sql`p.status = ANY(${sql.param([...openProblemStatuses])}::text[])` : null,
    f.mine ? (accountId ? sql`p.reported_by = ${accountId}::uuid` : sql`false`) : null,
    f.status ? sql`p.status = ${f.status}` : null,
    regionPath ? sql`p.region_path LIKE ${subtreePattern(regionPath)}` : null,
    f.unitId ? sql`p.assigned_unit_id = ${f.unitId}` : null,
    f.category ? sql`p.category = ${f.category}` : null,
    f.source ? sql`p.source = ${f.source}` : null,
    f.overdue === true ? isOverdueSql(now) : f.overdue === false ? sql`NOT ${isOverdueSql(now)}` : null,
    f.q ? sql`p.search_text LIKE ${`%${normalizeQuery(f.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : null,
  );
}

/** The ltree path of a region of the tenant, or null when there is none. */
export async function findRegionPath(db: Db, tenantId: string, code: string): Promise<string | null> {
  const res = await db.execute(
    sql`SELECT path::text AS path FROM region WHERE tenant_id = ${tenantId} AND code = ${code}`,
  );
  return (res.rows[0] as { path: string } | undefined)?.path ?? null;
}

/** The history of a problem, oldest first, with the photos each step brought and client updates as comments. */
export async function findHistory(db: Db, tenantId: string, problemId: string): Promise<ProblemHistoryEntry[]> {
  const res = await db.execute(sql`SELECT * FROM (
      SELECT t.id, t.action, t.from_status, t.to_status, t.actor_name, t.unit_id, u.name AS unit_name, t.reason, t.at,
        ARRAY(SELECT ph.file_id::text FROM problem_photo ph WHERE ph.tenant_id = t.tenant_id
          AND ph.problem_id = t.problem_id AND ph.transition_id = t.id ORDER BY ph.created_at, ph.file_id) AS photos
      FROM problem_transition t LEFT JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
      WHERE t.tenant_id = ${tenantId} AND t.problem_id = ${problemId}
      UNION ALL
      SELECT o.id, 'comment', NULL, p.status, COALESCE(o.author_name, cl.name), NULL, NULL, o.description, o.created_at,
        ARRAY[]::text[]
      FROM open311_update o JOIN problem p ON p.tenant_id = o.tenant_id AND p.id = o.problem_id
        LEFT JOIN open311_client cl ON cl.tenant_id = o.tenant_id AND cl.id = o.client_id
      WHERE o.tenant_id = ${tenantId} AND o.problem_id = ${problemId}) h
    ORDER BY h.at, h.id`);
  return (res.rows as any[]).map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorName: r.actor_name,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name } : null,
    reason: r.reason,
    at: isoOrNull(r.at)!,
    photoFileIds: textArray(r.photos),
  }));
}

const textArray = (v: string[] | string | null): string[] =>
  Array.isArray(v)
    ? v
    : (v ?? '')
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

/** Photos of a problem with their file metadata, in upload order. */
export async function findPhotos(db: Db, tenantId: string, problemId: string): Promise<ProblemPhotoView[]> {
  const res = await db.execute(sql`SELECT ph.file_id, ph.kind, ph.transition_id, f.name, fo.content_type, f.client_time,
      f.gps_lat, f.gps_lng, f.received_at
    FROM problem_photo ph JOIN file f ON f.tenant_id = ph.tenant_id AND f.id = ph.file_id
      JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE ph.tenant_id = ${tenantId} AND ph.problem_id = ${problemId} ORDER BY ph.created_at, ph.file_id`);
  return (res.rows as any[]).map((r) => ({
    fileId: r.file_id,
    kind: r.kind,
    name: r.name,
    contentType: r.content_type,
    url: `/api/v1/problems/${problemId}/photos/${r.file_id}`,
    clientTime: isoOrNull(r.client_time),
    gpsLat: r.gps_lat,
    gpsLng: r.gps_lng,
    receivedAt: isoOrNull(r.received_at)!,
    transitionId: r.transition_id,
  }));
}
