// The public honour roll (好人榜 / 光荣榜): named campaigns of a tenant and the people named, no phones or ids.
import type { SelectionCategory, SelectionKind } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { maybeOne, one, rows } from '../../platform/sql';

export function tenantByCode(db: Db, code: string) {
  return maybeOne<{ id: string }>(db, sql`SELECT id FROM tenant WHERE code = ${code}`);
}

export interface NamedCampaignRow {
  id: string;
  name: string;
  kind: SelectionKind;
  named_at: Date | string;
}

export async function namedCampaigns(
  db: Db,
  tenantId: string,
  kind: SelectionKind | undefined,
  page: { page: number; pageSize: number },
): Promise<{ items: NamedCampaignRow[]; total: number }> {
  const where = sql`tenant_id = ${tenantId} AND stage = 'named' ${kind ? sql`AND kind = ${kind}` : sql``}`;
  const [items, total] = await Promise.all([
    rows<NamedCampaignRow>(
      db,
      sql`SELECT id, name, kind, named_at FROM selection_campaign WHERE ${where}
        ORDER BY named_at DESC, id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM selection_campaign WHERE ${where}`),
  ]);
  return { items, total: Number(total.n) };
}

export interface NamedPersonRow {
  campaign_id: string;
  name: string;
  category: SelectionCategory;
  story: string;
  final_votes: number | null;
}

export function namedPeople(db: Db, tenantId: string, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([] as NamedPersonRow[]);
  return rows<NamedPersonRow>(
    db,
    sql`SELECT campaign_id, name, category, story, final_votes FROM selection_candidate
    WHERE tenant_id = ${tenantId} AND campaign_id = ANY(${sql.param(campaignIds)}::uuid[]) AND state = 'named'
    ORDER BY category, final_votes DESC NULLS LAST, name`,
  );
}
