// Writes of a plan's setup (新建计划, 抽样, 督查组, 分配, 发布); every success refreshes the plan's reads.
import type {
  FrameworkView,
  InspectionPlanCreateBody,
  InspectionPlanView,
  InspectionTeamBody,
  Page,
  PlanSampleBody,
  PlanSampleResult,
} from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const KEY = 'inspection-plans';

function useInvalidatePlans() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [KEY] });
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: InspectionPlanCreateBody) => api.post<InspectionPlanView>('inspection-plans', body),
    onSuccess: invalidate,
  });
}

export function useSamplePlan(id: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: PlanSampleBody) => api.post<PlanSampleResult>(`inspection-plans/${id}/sample`, body),
    onSuccess: invalidate,
  });
}

export function useSaveTeam(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (v: { teamId?: string; body: InspectionTeamBody }) =>
      v.teamId
        ? api.put<InspectionPlanView>(`inspection-plans/${planId}/teams/${v.teamId}`, v.body)
        : api.post<InspectionPlanView>(`inspection-plans/${planId}/teams`, v.body),
    onSuccess: invalidate,
  });
}

export function useDeleteTeam(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (teamId: string) => api.delete<InspectionPlanView>(`inspection-plans/${planId}/teams/${teamId}`),
    onSuccess: invalidate,
  });
}

export function useAssignByRegion(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: () => api.post<InspectionPlanView>(`inspection-plans/${planId}/assign`, { strategy: 'by_region' }),
    onSuccess: invalidate,
  });
}

export function usePublishPlan(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: () => api.post<InspectionPlanView>(`inspection-plans/${planId}/publish`),
    onSuccess: invalidate,
  });
}

/** Published frameworks, the ones a plan may use. */
export function usePublishedFrameworks(enabled: boolean) {
  return useQuery({
    queryKey: ['frameworks', 'published-for-plan'],
    queryFn: () => api.get<Page<FrameworkView>>('frameworks', { status: 'published', pageSize: 100 }),
    enabled,
  });
}
