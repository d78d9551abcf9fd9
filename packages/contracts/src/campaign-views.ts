// Views of campaigns, tasks, ledgers, notices and self-assessment, as the API answers them.
import type { CampaignKind, NoticeKind, TaskAction, TaskCadence, TaskState } from './campaigns';

export interface NamedRef {
  id: string;
  name: string;
}
export interface CampaignActionView extends NamedRef {
  description: string | null;
  position: number;
}
export interface CampaignView {
  id: string;
  name: string;
  kind: CampaignKind;
  startDate: string;
  endDate: string;
  description: string | null;
  frameworkId: string | null;
  remindDaysBefore: number;
  actions: CampaignActionView[];
  taskCount: number;
  version: number;
  createdAt: string;
}
export interface TaskView {
  id: string;
  campaignId: string;
  campaignName: string;
  action: NamedRef | null;
  indicator: { id: string; code: string; name: string } | null;
  title: string;
  description: string | null;
  leadUnit: NamedRef;
  coUnits: NamedRef[];
  owner: NamedRef | null;
  deadline: string;
  cadence: TaskCadence;
  state: TaskState;
  /** Past the deadline without a report (whether or not the job has marked it yet). */
  isOverdue: boolean;
  lastReportedAt: string | null;
  acceptedAt: string | null;
  version: number;
  createdAt: string;
}
export interface TaskDetailView extends TaskView {
  allowedActions: TaskAction[];
  history: { action: TaskAction; from: TaskState; to: TaskState; reason: string | null; by: string; at: string }[];
}
export interface LedgerEntryView {
  id: string;
  taskId: string;
  unit: NamedRef | null;
  text: string;
  files: { id: string; name: string; contentType: string }[];
  createdBy: string;
  createdAt: string;
}
export interface NoticeView {
  id: string;
  unit: NamedRef;
  kind: NoticeKind;
  title: string;
  body: string;
  campaignId: string | null;
  taskId: string | null;
  fileId: string | null;
  docNumber: string | null;
  details: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}
export interface ProgressRow {
  /** `YYYY-MM` or `YYYY-Www`, by the tasks' deadlines. */
  period: string;
  key: string | null;
  name: string;
  total: number;
  completed: number;
  onTime: number;
  overdue: number;
  completionRate: number;
}
export interface ComparisonRow {
  indicatorId: string;
  code: string;
  name: string;
  points: number | null;
  self: { score: number; note: string | null; fileIds: string[] } | null;
  office: { score: number; note: string | null; fileIds: string[] } | null;
  difference: number | null;
  /** Both sides scored differently, or only one side scored. */
  isDifferent: boolean;
}

export interface SelfAssessmentView {
  id: string;
  unit: { id: string; name: string };
  framework: { id: string; name: string; version: number };
  campaignId: string | null;
  title: string;
  status: 'draft' | 'submitted' | 'returned' | 'checked';
  reportFileId: string | null;
  /** The office's reason when it last returned the self-assessment; kept after resubmission. */
  returnReason: string | null;
  returnedAt: string | null;
  selfTotal: number;
  officeTotal: number | null;
  submittedAt: string | null;
  checkedAt: string | null;
  createdAt: string;
}
