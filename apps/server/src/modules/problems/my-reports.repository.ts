// 我的上报: queries over the problems one account reported.
import { and, count, desc, eq } from 'drizzle-orm';
import { problem, problemCategory } from '../../db/schema';
import type { Db } from '../../platform/db';

/** One page of the account's own reports, newest first, with the category's name. */
export async function findMyReports(db: Db, tenantId: string, accountId: string, page: number, pageSize: number) {
  const mine = and(eq(problem.tenantId, tenantId), eq(problem.reportedBy, accountId));
  const [items, total] = await Promise.all([
    db
      .select({
        id: problem.id,
        number: problem.number,
        status: problem.status,
        categoryCode: problem.category,
        categoryName: problemCategory.name,
        description: problem.description,
        address: problem.address,
        createdAt: problem.createdAt,
        updatedAt: problem.updatedAt,
        closedAt: problem.closedAt,
      })
      .from(problem)
      .leftJoin(
        problemCategory,
        and(eq(problemCategory.tenantId, problem.tenantId), eq(problemCategory.code, problem.category)),
      )
      .where(mine)
      .orderBy(desc(problem.createdAt), desc(problem.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(problem).where(mine),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}
