// Problem categories (also the Open311 services) and the notices of the deadline job.
import type {
  Open311Attribute,
  Page,
  ProblemCategoryView,
  ProblemNoticeKind,
  ProblemNoticeView,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { allOf, queryPage } from '../../platform/paging';
import { problemScope } from './problem.policy';
import { isoOrNull } from '../../platform/clock';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A category row as the API answers it. */
export function toCategoryView(r: any): ProblemCategoryView {
  return {
    code: r.code,
    name: r.name,
    description: r.description,
    group: r.group,
    defaultSeverity: r.default_severity,
    keywords: r.keywords,
    attributes: json<Open311Attribute[]>(r.attributes ?? []),
    isActive: Number(r.is_active) === 1,
  };
}

/** The tenant's categories in code order; inactive ones only when asked for. */
export async function findCategories(
  db: Db,
  tenantId: string,
  opts: { includeInactive?: boolean; codes?: string[] } = {},
): Promise<ProblemCategoryView[]> {
  const res = await db.execute(sql`SELECT code, name, description, "group", default_severity, keywords, attributes,
      is_active FROM problem_category
    WHERE tenant_id = ${tenantId} ${opts.includeInactive ? sql`` : sql`AND is_active = 1`}
      ${opts.codes ? sql`AND code = ANY(${sql.param(opts.codes)}::text[])` : sql``}
    ORDER BY code`);
  return res.rows.map(toCategoryView);
}

/** Categories for whoever may read or report problems. */
export async function listCategories(db: Db, actor: Actor): Promise<ProblemCategoryView[]> {
  if (!can(actor, 'problem.report')) requirePermission(actor, 'problem.read');
  return findCategories(db, actor.tenantId, { includeInactive: can(actor, 'problem.assign') });
}

function toNoticeView(r: any): ProblemNoticeView {
  return {
    id: r.id,
    problem: { id: r.problem_id, number: r.number },
    kind: r.kind,
    recipient: r.recipient,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name } : null,
    title: r.title,
    body: r.body,
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** Notices of the deadline job on problems the actor may read; notices to the office only for the office. */
export async function listProblemNotices(
  db: Db,
  actor: Actor,
  f: { kind?: ProblemNoticeKind; unitId?: string; problemId?: string; page: number; pageSize: number },
): Promise<Page<ProblemNoticeView>> {
  requirePermission(actor, 'problem.read');
  const where = allOf(
    sql`n.tenant_id = ${actor.tenantId}`,
    problemScope(actor, 'problem.read'),
    can(actor, 'problem.assign') ? null : sql`n.recipient <> 'office'`,
    f.kind ? sql`n.kind = ${f.kind}` : null,
    f.unitId ? sql`n.unit_id = ${f.unitId}` : null,
    f.problemId ? sql`n.problem_id = ${f.problemId}` : null,
  );
  return queryPage(
    db,
    {
      columns: sql`n.id, n.problem_id, p.number, n.kind, n.recipient, n.unit_id, u.name AS unit_name, n.title, n.body,
        n.created_at`,
      from: sql`problem_notice n JOIN problem p ON p.tenant_id = n.tenant_id AND p.id = n.problem_id
        LEFT JOIN unit u ON u.tenant_id = n.tenant_id AND u.id = n.unit_id`,
      where,
      orderBy: sql`n.created_at DESC, n.id DESC`,
    },
    f,
    toNoticeView,
  );
}
