// Bulletins (通报): the frozen snapshot of a published evaluation, its list views, the public page and the big screen.
import { z } from 'zod';
import { pageQuery } from './common';
import './bulletins-messages';

/** A rate as bulletins print it: the exact fraction and the printed percentage (e.g. "85%"). */
export interface BulletinRate {
  numerator: number;
  denominator: number;
  percent: string;
}

export interface BulletinRankingRow {
  subjectId: string;
  subjectCode: string | null;
  subjectName: string;
  score: number;
  fullScore: number;
  rank: number;
  rankChange: number | null;
  passed: boolean;
  excellent: boolean;
}

export interface BulletinProblem {
  name: string;
  count: number;
  pointsLost: number;
}

/** The frozen content of a bulletin: everything the documents and pages print, copied at publishing. */
export interface BulletinSnapshot {
  evaluation: { id: string; name: string; periodLabel: string; level: string | null; frameworkName: string | null };
  issuer: string;
  signatureOffice: string;
  rates: { pass: BulletinRate; excellent: BulletinRate; compliance: BulletinRate; rectification: BulletinRate };
  ranking: BulletinRankingRow[];
  redList: BulletinRankingRow[];
  blackList: BulletinRankingRow[];
  summons: BulletinRankingRow[];
  mainProblems: BulletinProblem[];
  /** Average score (and each subject's score) over the last periods, oldest first. */
  trend: { periods: string[]; average: (number | null)[]; series: { name: string; scores: (number | null)[] }[] };
}

export const bulletinPublishBody = z.object({
  /** The bulletin this one corrects; it is marked superseded. */
  replaces: z.string().uuid().optional(),
  title: z.string().trim().min(2).max(120).optional(),
});
export type BulletinPublishBody = z.infer<typeof bulletinPublishBody>;

export const bulletinListQuery = pageQuery.extend({ evaluationId: z.string().uuid().optional() });
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;

/** The preview of a bulletin before it is published: the document as publishing would render it now. */
export const bulletinPreviewParam = z.object({ id: z.string().uuid(), format: z.enum(['pdf', 'docx']) });
export const bulletinPreviewQuery = bulletinPublishBody;

export const bulletinFileParam = z.object({ id: z.string().uuid(), format: z.enum(['docx', 'pdf', 'xlsx']) });

export interface BulletinView {
  id: string;
  evaluationId: string;
  docNumber: string;
  title: string;
  periodLabel: string;
  status: 'published' | 'superseded';
  replaces: { id: string; docNumber: string } | null;
  supersededBy: { id: string; docNumber: string } | null;
  publishedAt: string;
  publishedByName: string;
}
export interface BulletinDetailView extends BulletinView {
  snapshot: BulletinSnapshot;
}

export const publicBulletinQuery = pageQuery.extend({ tenant: z.string().max(64).optional() });

/** What the public page shows: no people, no phones, no publisher. */
export interface PublicBulletinView {
  id: string;
  docNumber: string;
  title: string;
  periodLabel: string;
  status: 'published' | 'superseded';
  publishedAt: string;
  rates: BulletinSnapshot['rates'];
  ranking: Pick<BulletinRankingRow, 'subjectName' | 'score' | 'fullScore' | 'rank' | 'rankChange'>[];
}

/** One aggregated read for the big screen (大屏), scoped to the actor. */
export interface BigscreenView {
  generatedAt: string;
  tenantName: string;
  evaluation: { id: string; name: string; periodLabel: string } | null;
  map: {
    name: string;
    geoJson: { type: 'FeatureCollection'; features: unknown[] };
    values: { code: string; name: string; score: number | null }[];
  };
  ranking: { name: string; score: number; rank: number }[];
  trend: BulletinSnapshot['trend'];
  problems: { byState: { state: string; count: number }[]; overdue: number; total: number };
  rectification: BulletinRate;
  /** Present only where the volunteers module's tables exist. */
  volunteers: { volunteers: number; activities: number } | null;
}
