// The public honour roll, read without signing in: each named campaign with the people it named.
import type { HonourRollEntry, HonourRollQuery, Page } from '@wenming/contracts';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';
import { namedCampaigns, namedPeople, tenantByCode } from './honour-roll.repository';

export async function honourRoll(db: Db, q: HonourRollQuery, defaultTenant: string): Promise<Page<HonourRollEntry>> {
  const tenant = await tenantByCode(db, q.tenant || defaultTenant);
  if (!tenant) throw invalidFields([{ field: 'tenant', key: 'invalid_value' }]);
  const { items, total } = await namedCampaigns(db, tenant.id, q.kind, q);
  const people = await namedPeople(
    db,
    tenant.id,
    items.map((c) => c.id),
  );
  return {
    items: items.map((c) => ({
      campaignId: c.id,
      campaignName: c.name,
      kind: c.kind,
      namedAt: new Date(c.named_at).toISOString(),
      people: people
        .filter((p) => p.campaign_id === c.id)
        .map((p) => ({ name: p.name, category: p.category, story: p.story, votes: p.final_votes })),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
