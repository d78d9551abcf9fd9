// Reading problems: the scoped list (index-friendly), one problem with history, photos and the caller's allowed
// actions, duplicate suggestions near a problem, and photo downloads through the problem's scope.
import {
  type Permission,
  type ProblemDetailView,
  type ProblemListQuery,
  type ProblemPage,
  allowedProblemActions,
  maskPhone,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Database, Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { allOf } from '../../platform/paging';
import { cachedForRegions } from '../org';
import { problemScope } from './problem.policy';
import {
  findHistory,
  findPhotos,
  findRegionPath,
  problemColumns,
  problemFilters,
  problemFrom,
  toProblemView,
} from './problem.repository';

/** Past this many matches a list stops counting: `total` is then a lower bound and `totalExact` false. */
export const PROBLEM_COUNT_CAP = 2_000;

/**
 * Problems in the actor's scope, newest first: ids are paged on the list indexes, then the page's rows joined.
 * Counting stops at PROBLEM_COUNT_CAP, so that a district's whole archive lists as fast as its work list.
 */
export async function listProblems(
  db: Db,
  actor: Actor,
  f: ProblemListQuery,
  regions?: { database: Database; version: number },
): Promise<ProblemPage> {
  requirePermission(actor, 'problem.read');
  const code = f.regionCode;
  const find = () => findRegionPath(db, actor.tenantId, code!);
  // Region paths change only with the tenant's region version (which the session brings): cached per process.
  const path = !code
    ? null
    : regions
      ? await cachedForRegions(regions.database, actor.tenantId, regions.version, `path|${code}`, find)
      : await find();
  if (code && !path) return { items: [], total: 0, totalExact: true, page: f.page, pageSize: f.pageSize };
  const where = allOf(
    sql`p.tenant_id = ${actor.tenantId}`,
    problemScope(actor, 'problem.read'),
    problemFilters(f, path, actor.now, actor.accountId),
  );
  const offset = (f.page - 1) * f.pageSize;
  // The page and the (capped) count in one statement: one round trip and one pooled connection per list.
  const res = await db.execute(sql`WITH page AS (SELECT p.id, p.created_at FROM problem p WHERE ${where}
      ORDER BY p.created_at DESC, p.id DESC LIMIT ${f.pageSize} OFFSET ${offset}),
    counted AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM problem p WHERE ${where} LIMIT ${PROBLEM_COUNT_CAP + 1}) c)
    SELECT counted.n AS total_count, x.* FROM counted LEFT JOIN LATERAL (
      SELECT ${problemColumns(actor.now)}, page.created_at AS page_at FROM page
        JOIN ${problemFrom} ON p.tenant_id = ${actor.tenantId} AND p.id = page.id) x ON true
    ORDER BY x.page_at DESC, x.id DESC`);
  const rows = res.rows as any[];
  const n = Number(rows[0]?.total_count ?? 0);
  return {
    items: rows.filter((r) => r.id !== null).map(toProblemView),
    total: Math.min(n, PROBLEM_COUNT_CAP),
    totalExact: n <= PROBLEM_COUNT_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}

const actionPermissions: Permission[] = ['problem.assign', 'problem.rectify', 'problem.verify', 'problem.close'];

/** "138****1234" for phones, "a***@example.org" for e-mail addresses. */
function maskContact(plain: string): string {
  const at = plain.indexOf('@');
  return at > 0 ? `${plain[0]}***${plain.slice(at)}` : maskPhone(plain)!;
}

async function findProblemRow(db: Db, actor: Actor, id: string, permission: Permission) {
  const scopes = actionPermissions.map((p) => sql`${problemScope(actor, p)} AS ${sql.identifier(`can_${p}`)}`);
  const res =
    await db.execute(sql`SELECT ${problemColumns(actor.now)}, p.inspection_id, p.observation_id, p.indicator_id,
      p.duplicate_of, d.number AS duplicate_number, p.reporter_name, p.reporter_contact_enc, p.attributes, p.media_url,
      ${sql.join(scopes, sql`, `)}
    FROM ${problemFrom} LEFT JOIN problem d ON d.tenant_id = p.tenant_id AND d.id = p.duplicate_of
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${id} AND ${problemScope(actor, permission)}`);
  return res.rows[0] as any;
}

/** One problem in the actor's scope with its history, before/after photos and the actions the actor may take. */
export async function getProblem(ctx: AppContext, actor: Actor, id: string): Promise<ProblemDetailView> {
  requirePermission(actor, 'problem.read');
  const r = await findProblemRow(ctx.db, actor, id, 'problem.read');
  if (!r) throw fail('PROBLEM_NOT_FOUND');
  const [history, photos] = await Promise.all([
    findHistory(ctx.db, actor.tenantId, id),
    findPhotos(ctx.db, actor.tenantId, id),
  ]);
  const held = actionPermissions.filter((p) => can(actor, p) && r[`can_${p}`]);
  return {
    ...toProblemView(r),
    inspectionId: r.inspection_id,
    observationId: r.observation_id,
    indicatorId: r.indicator_id,
    duplicateOf: r.duplicate_of ? { id: r.duplicate_of, number: r.duplicate_number } : null,
    reporterName: r.reporter_name,
    reporterContact: r.reporter_contact_enc ? maskContact(ctx.cipher.decrypt(r.reporter_contact_enc)) : null,
    attributes: typeof r.attributes === 'string' ? JSON.parse(r.attributes) : (r.attributes ?? {}),
    mediaUrl: r.media_url,
    history,
    photos: { before: photos.filter((p) => p.kind === 'before'), after: photos.filter((p) => p.kind === 'after') },
    allowedActions: allowedProblemActions(r.status, held),
  };
}

/** The reporter's contact in full, for the office to call a resident back; needs person.reveal_pii, audited. */
export async function revealReporterContact(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ contact: string | null }> {
  requirePermission(actor, 'person.reveal_pii');
  const r = await findProblemRow(ctx.db, actor, id, 'problem.read');
  if (!r) throw fail('PROBLEM_NOT_FOUND');
  const contact = r.reporter_contact_enc ? ctx.cipher.decrypt(r.reporter_contact_enc) : null;
  await ctx.db.transaction((tx) =>
    writeAudit(tx, actor, { action: 'problem.reveal_contact', objectType: 'problem', objectId: id }),
  );
  return { contact };
}

/** The bytes of one photo of a problem the actor may read (liaisons see inspectors' photos through the problem). */
export async function getProblemPhoto(ctx: AppContext, actor: Actor, problemId: string, fileId: string) {
  requirePermission(actor, 'problem.read');
  const res = await ctx.db.execute(sql`SELECT f.name, f.sha256, fo.content_type FROM problem p
    JOIN problem_photo ph ON ph.tenant_id = p.tenant_id AND ph.problem_id = p.id AND ph.file_id = ${fileId}
    JOIN file f ON f.tenant_id = ph.tenant_id AND f.id = ph.file_id
    JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${problemId} AND ${problemScope(actor, 'problem.read')}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('FILE_NOT_FOUND');
  return { name: r.name as string, contentType: r.content_type as string, bytes: ctx.files.read(r.sha256) };
}
