// What the inspection routes answer: plans, teams, progress, checklists, inspections.
import type { AssessmentMethod, NegativeEffect, ScoringRule } from './frameworks';
import type {
  ObservationResult,
  InspectionPlanKind,
  InspectionPlanStatus,
  PlanSampleBody,
  FindingSeverity,
} from './inspections';
import type { PointType } from './org';

export interface InspectionTeamMemberView {
  accountId: string;
  displayName: string;
  isLeader: boolean;
}
export interface InspectionTeamView {
  id: string;
  name: string;
  position: number;
  members: InspectionTeamMemberView[];
  pointCount: number;
}

export interface InspectionPlanView {
  id: string;
  name: string;
  frameworkId: string;
  frameworkName: string | null;
  kind: InspectionPlanKind;
  period: string | null;
  startDate: string;
  endDate: string;
  regionCode: string;
  regionName: string | null;
  status: InspectionPlanStatus;
  note: string | null;
  /** The last sampling request, with the seed it used. */
  sample: (PlanSampleBody & { seed: string | null }) | null;
  publishedAt: string | null;
  closedAt: string | null;
  resultsPublishedAt: string | null;
  pointCount: number;
  doneCount: number;
  teams: InspectionTeamView[];
  version: number;
  createdAt: string;
}

export interface InspectionPlanPointView {
  pointId: string;
  name: string;
  pointType: PointType;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  teamId: string | null;
  teamName: string | null;
  done: boolean;
  /** The latest inspection of this point in the plan. */
  inspectionId: string | null;
  score: number | null;
}

export interface InspectionPlanProgress {
  planId: string;
  total: number;
  done: number;
  unassigned: number;
  teams: { teamId: string; name: string; assigned: number; done: number; percent: number | null }[];
  /** The sample per region of its points: how many, and how many of them have a team. */
  regions: { regionCode: string; regionName: string | null; count: number; assigned: number }[];
}

/** A point on the inspector's phone today (list and map). */
export interface InspectionTodayPoint {
  planId: string;
  planName: string;
  kind: InspectionPlanKind;
  teamId: string;
  teamName: string;
  pointId: string;
  name: string;
  pointType: PointType;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  done: boolean;
  inspectionId: string | null;
}
export interface InspectionTodayView {
  date: string;
  items: InspectionTodayPoint[];
}

/** A standard (leaf indicator) of the checklist, with the names of its ancestors for grouping. */
export interface ChecklistStandard {
  id: string;
  code: string;
  name: string;
  standard: string | null;
  points: number;
  methods: AssessmentMethod[];
  pointTypes: PointType[];
  scoringRule: ScoringRule;
  path: string[];
}
export interface ChecklistNegativeItem {
  id: string;
  code: string;
  name: string;
  effect: NegativeEffect;
  deduction: number | null;
}
export interface ChecklistView {
  plan: { id: string; name: string; kind: InspectionPlanKind; frameworkId: string; frameworkName: string };
  point: {
    id: string;
    name: string;
    pointType: PointType;
    regionCode: string;
    address: string | null;
    lat: number | null;
    lng: number | null;
    responsibleUnits: { id: string; name: string }[];
  };
  standards: ChecklistStandard[];
  negativeItems: ChecklistNegativeItem[];
  /** Σ points of the checklist (every standard applicable). */
  totalPoints: number;
}

export interface ObservationView {
  id: string;
  indicatorId: string;
  indicatorCode: string | null;
  indicatorName: string | null;
  result: ObservationResult;
  note: string | null;
  photoFileIds: string[];
  findingCategory: string | null;
  severity: FindingSeverity | null;
  findingCount: number | null;
  level: string | null;
  awarded: number | null;
  /** Points this observation earned (null when not applicable). */
  earned: number | null;
  /** The standard's points (the most it can earn) and its scoring rule, when the standard is known. */
  points?: number | null;
  scoringRule?: ScoringRule | null;
  problemId: string | null;
}
export interface InspectionView {
  id: string;
  planId: string;
  pointId: string;
  pointName: string | null;
  pointType: PointType;
  regionCode: string;
  teamId: string | null;
  inspectorId: string | null;
  inspectorName: string | null;
  startedAt: string;
  submittedAt: string;
  clientTime: string;
  /** When the server received it. */
  receivedAt: string;
  gps: { lat: number; lng: number; accuracy: number | null } | null;
  note: string | null;
  score: number | null;
  earned: number;
  applicable: number;
  negativeDeduction: number;
  vetoed: boolean;
  suspended: boolean;
  negativeItems: {
    negativeItemId: string;
    note: string | null;
    photoFileIds: string[];
    /** Read-side details of the item (GET /inspections/:id). */
    code?: string | null;
    name?: string | null;
    effect?: NegativeEffect | null;
    deduction?: number | null;
  }[];
  observations: ObservationView[];
  /** The plan's name (GET /inspections/:id). */
  planName?: string | null;
  findingCount: number;
  version: number;
  updatedAt: string;
}
export type InspectionListItem = Omit<InspectionView, 'observations' | 'negativeItems'>;

/**
 * What POST /inspections answers, for a new submission and for a resend alike: the stored inspection's
 * identity, version, receive time and score, and the problems its findings raised (the phone has the
 * observations it sent; GET /inspections/:id gives everything).
 */
export interface InspectionReceipt {
  id: string;
  planId: string;
  pointId: string;
  version: number;
  receivedAt: string;
  score: number | null;
  earned: number;
  applicable: number;
  negativeDeduction: number;
  vetoed: boolean;
  suspended: boolean;
  findingCount: number;
  problems: { observationId: string; indicatorId: string; problemId: string }[];
}
