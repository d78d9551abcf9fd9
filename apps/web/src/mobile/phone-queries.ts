// The reads the phone keeps for offline work: one definition each, shared by the pages and the warm-up.
import type {
  ChecklistView,
  InspectionTodayView,
  MyProblemReportPage,
  ProblemCategoryView,
  RegionShapesView,
} from '@wenming/contracts';
import { api } from '../api/client';

export const todayQuery = () => ({
  queryKey: ['inspections', 'today'] as const,
  queryFn: () => api.get<InspectionTodayView>('inspections/today'),
});

export const checklistQuery = (planId: string | undefined, pointId: string | undefined) => ({
  queryKey: ['inspections', 'checklist', planId, pointId] as const,
  queryFn: () => api.get<ChecklistView>(`points/${pointId}/checklist`, { planId }),
});

export const categoriesQuery = () => ({
  queryKey: ['problem-categories'] as const,
  queryFn: () => api.get<ProblemCategoryView[]>('problem-categories'),
});

/** Region outlines of one level (GeoJSON), for the 今日点位 map. */
export const regionShapesQuery = (level: 'county' | 'township') => ({
  queryKey: ['region-shapes', level] as const,
  queryFn: () => api.get<RegionShapesView>('region-shapes', { level }),
  staleTime: 60 * 60_000,
});

/** 我的上报: the signed-in person's own reports, newest first. */
export const myReportsQuery = (page = 1) => ({
  queryKey: ['problems', 'my-reports', page] as const,
  queryFn: () => api.get<MyProblemReportPage>('my/problem-reports', { page, pageSize: 20 }),
});
