import type { RoleCode, WorkbenchView } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** `GET /workbench`: the caller's 待办, deadlines, figures and charts for a role they hold. */
export function useWorkbench(role?: RoleCode) {
  return useQuery({
    queryKey: ['workbench', role ?? 'default'],
    queryFn: () => api.get<WorkbenchView>('workbench', { role }),
    refetchInterval: 120_000,
  });
}
