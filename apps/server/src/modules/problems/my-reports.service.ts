// 我的上报: a signed-in reporter follows their own reports (a resident has no problem.read, so the list is theirs).
import {
  type MyProblemReportPage,
  type MyProblemReportQuery,
  type ProblemStatus,
  problemStatusLabels,
} from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { findMyReports } from './my-reports.repository';
import { isoOrNull } from '../../platform/clock';

/** The actor's own reports, newest first, each with its state now (as the public lookup shows it). */
export async function listMyReports(db: Db, actor: Actor, q: MyProblemReportQuery): Promise<MyProblemReportPage> {
  requirePermission(actor, 'problem.report');
  // Only a session carries an account; a system actor has no reports of its own.
  if (!actor.accountId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const found = await findMyReports(db, actor.tenantId, actor.accountId, q.page, q.pageSize);
  return {
    items: found.items.map((r) => {
      const status = r.status as ProblemStatus;
      return {
        id: r.id,
        number: r.number,
        status,
        statusLabel: problemStatusLabels[status] ?? r.status,
        category: { code: r.categoryCode, name: r.categoryName ?? r.categoryCode },
        description: r.description,
        address: r.address,
        createdAt: isoOrNull(r.createdAt)!,
        updatedAt: isoOrNull(r.updatedAt)!,
        closedAt: isoOrNull(r.closedAt),
      };
    }),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
