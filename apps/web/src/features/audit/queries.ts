import type { AuditEventView } from '@wenming/contracts';
import type { QueryParams } from '../../api/client';
import { usePagedQuery } from '../../components/use-paged-query';

export function useAuditEvents(query: QueryParams) {
  return usePagedQuery<AuditEventView>('audit-events', 'audit-events', query);
}
