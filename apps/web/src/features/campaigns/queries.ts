import type {
  CampaignView,
  LedgerEntryView,
  NoticeView,
  Page,
  ProgressRow,
  TaskDetailView,
  TaskView,
} from '@wenming/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { createResource } from '../../components/resource';
import { usePagedQuery } from '../../components/use-paged-query';

export const campaignsResource = createResource<CampaignView>('campaigns', 'campaigns');

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'detail', id],
    queryFn: () => api.get<CampaignView>(`campaigns/${id}`),
    enabled: !!id,
  });
}

/** Task board: GET /tasks with the board's filters (campaign, unit, action line, state, deadline range, overdue). */
export function useTasks(query: QueryParams) {
  return usePagedQuery<TaskView>('tasks', 'tasks', query);
}

/** The liaison's tasks, page after page (the phone list loads more as it scrolls): GET /tasks/mine. */
export function useMyTasks(state: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'mine', state],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TaskView>>('tasks/mine', { state, page: pageParam, pageSize: 20 }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** A task with `allowedActions` for the signed-in user and its history. */
export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'detail', id],
    queryFn: () => api.get<TaskDetailView>(`tasks/${id}`),
    enabled: !!id,
  });
}

export function useLedger(taskId: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'ledger', taskId],
    queryFn: () => api.get<LedgerEntryView[]>(`tasks/${taskId}/ledger`),
    enabled: !!taskId,
  });
}

/** Refreshes tasks (board, detail, ledger) and campaigns (task counts, progress). */
function useInvalidateWork() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
      queryClient.invalidateQueries({ queryKey: ['notices'] }),
    ]);
}

export function useCreateTask(campaignId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<TaskDetailView>(`campaigns/${campaignId}/tasks`, body),
    onSuccess: () => invalidate(),
  });
}

/** start / accept / return (with reason); the server checks the state machine and answers the new detail. */
export function useTaskTransition(taskId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: { action: 'start' | 'accept' | 'return'; reason?: string }) =>
      api.post<TaskDetailView>(`tasks/${taskId}/transitions`, body),
    onSettled: () => invalidate(),
  });
}

/** A ledger entry (text + evidence file ids); the client id makes a resend store once. */
export function useAddLedgerEntry(taskId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: { id: string; text: string; fileIds: string[] }) =>
      api.post<LedgerEntryView>(`tasks/${taskId}/ledger`, body),
    onSettled: () => invalidate(),
  });
}

export interface StoredFileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Uploads one evidence file (multipart `file`, with the client's `id` before it so a resend stores once). */
export function uploadFile(file: Blob, name: string, id?: string): Promise<StoredFileView> {
  const form = new FormData();
  if (id) form.append('id', id);
  form.append('file', file, name);
  return api.post<StoredFileView>('files', form);
}

export interface ProgressAnswer {
  period: 'month' | 'week';
  by: 'unit' | 'action';
  rows: ProgressRow[];
  summary: ProgressRow[];
}

export function useProgress(campaignId: string, query: { period: 'month' | 'week'; by: 'unit' | 'action' }) {
  return useQuery({
    queryKey: ['campaigns', 'progress', campaignId, query],
    queryFn: () => api.get<ProgressAnswer>(`campaigns/${campaignId}/progress`, query),
  });
}

export function useUnitNotices(unitId: string | undefined, page: number) {
  return useQuery({
    queryKey: ['notices', unitId, page],
    queryFn: () => api.get<Page<NoticeView>>(`units/${unitId}/notices`, { page, pageSize: 10 }),
    enabled: !!unitId,
  });
}

export function useCreateReminderLetter(unitId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: { campaignId?: string; replyWithinDays: number }) =>
      api.post<NoticeView>(`units/${unitId}/reminder-letters`, body),
    onSuccess: () => invalidate(),
  });
}

export function useRecordSummons(unitId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<NoticeView>(`units/${unitId}/summons`, body),
    onSuccess: () => invalidate(),
  });
}
