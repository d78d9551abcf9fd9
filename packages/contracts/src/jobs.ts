export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  progressTotal: number;
  attempts: number;
  error: string | null;
  result: unknown;
  createdAt: string;
  finishedAt: string | null;
}
