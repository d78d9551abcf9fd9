// Views of problems, their history and photos, categories, notices and Open311 clients, as the API answers them.
import type {
  ProblemAction,
  ProblemNoticeKind,
  ProblemSeverity,
  ProblemSource,
  ProblemStatus,
} from './problems-machine';
import type { Open311Attribute } from './problems-open311';

export interface ProblemRef {
  id: string;
  name: string;
}

export interface ProblemView {
  id: string;
  number: string;
  source: ProblemSource;
  status: ProblemStatus;
  category: { code: string; name: string };
  severity: ProblemSeverity;
  description: string;
  pointId: string | null;
  gridId: string | null;
  regionCode: string;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  assignedUnit: ProblemRef | null;
  deadlineAt: string | null;
  /** Past the deadline in an open state (whether or not the job has flagged it yet). */
  isOverdue: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  version: number;
}

/** A page of the problem list; past 2,000 matches `total` is a lower bound ("2,000+") and `totalExact` false. */
export interface ProblemPage {
  items: ProblemView[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export interface ProblemPhotoView {
  fileId: string;
  kind: 'before' | 'after';
  name: string;
  contentType: string;
  /** Download through the problem's scope: /api/v1/problems/{id}/photos/{fileId}. */
  url: string;
  clientTime: string | null;
  gpsLat: string | null;
  gpsLng: string | null;
  receivedAt: string;
  transitionId: string | null;
}

export interface ProblemHistoryEntry {
  id: string;
  action: ProblemAction | 'create' | 'comment';
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus;
  actorName: string | null;
  unit: ProblemRef | null;
  reason: string | null;
  at: string;
  photoFileIds: string[];
}

export interface ProblemDetailView extends ProblemView {
  inspectionId: string | null;
  observationId: string | null;
  indicatorId: string | null;
  duplicateOf: { id: string; number: string } | null;
  reporterName: string | null;
  /** Masked (138****1234); never shown whole in the problem view. */
  reporterContact: string | null;
  attributes: Record<string, unknown>;
  mediaUrl: string | null;
  history: ProblemHistoryEntry[];
  photos: { before: ProblemPhotoView[]; after: ProblemPhotoView[] };
  /** What the caller may do now: the state machine filtered by permission and scope. */
  allowedActions: ProblemAction[];
}

export interface DuplicateCandidateView {
  id: string;
  number: string;
  status: ProblemStatus;
  category: string;
  description: string;
  address: string | null;
  distanceMetres: number;
  createdAt: string;
}

export interface ProblemCategoryView {
  code: string;
  name: string;
  description: string | null;
  group: string | null;
  defaultSeverity: ProblemSeverity;
  keywords: string | null;
  attributes: Open311Attribute[];
  isActive: boolean;
}

export interface ProblemNoticeView {
  id: string;
  problem: { id: string; number: string };
  kind: ProblemNoticeKind;
  recipient: 'unit' | 'unit_leader' | 'office';
  unit: ProblemRef | null;
  title: string;
  body: string;
  createdAt: string;
}

export interface Open311ClientView {
  id: string;
  name: string;
  contact: string | null;
  /** The first characters of the key, to tell keys apart; the key itself is shown once at creation. */
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
