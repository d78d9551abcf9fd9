// The public board of open needs (no sign-in): titles, categories, quantities and due dates only.
import type { CommunityCategory, Page, PublicNeedView, PublicNeedsQuery } from '@wenming/contracts';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';
import { publicNeeds, tenantByCode } from './community.repository';

export async function listPublicNeeds(
  db: Db,
  q: PublicNeedsQuery,
  defaultTenant: string,
): Promise<Page<PublicNeedView>> {
  const tenant = await tenantByCode(db, q.tenant || defaultTenant);
  if (!tenant) throw invalidFields([{ field: 'tenant', key: 'invalid_value' }]);
  const { items, total } = await publicNeeds(db, tenant.id, q);
  return {
    items: items.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category as CommunityCategory,
      quantity: Number(r.quantity),
      dueDate: r.due_date,
      gridId: r.grid_id,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
