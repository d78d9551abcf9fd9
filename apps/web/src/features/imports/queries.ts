import type { JobView, RowError } from '@wenming/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What is imported; also the cache key refreshed when an import is done. */
export type ImportKind = 'units' | 'people' | 'tasks' | 'points' | 'volunteers';

export interface ImportResult {
  created?: number;
  rows?: RowError[];
  errorReportFileId?: string | null;
}

export function isFinished(job: JobView | undefined): boolean {
  return job?.status === 'done' || job?.status === 'failed';
}

/** Sends the file as multipart field `file` to `<path>/import`; the server answers 202 with the import job's id. */
export function useStartImport(path: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<{ jobId: string }>(`${path}/import`, form);
    },
  });
}

/** Polls a job every 500 ms until it is done or failed. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api.get<JobView>(`jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
    refetchIntervalInBackground: true,
  });
}

/** Percent done; 0 until the job knows its total. */
export function jobPercent(job: JobView | undefined): number {
  if (!job) return 0;
  if (job.status === 'done') return 100;
  if (!job.progressTotal) return 0;
  return Math.min(100, Math.round((job.progress / job.progressTotal) * 100));
}
