// 我的上报: the problems a signed-in person reported (a resident's 随手拍, a grid worker's report), with their state.
import { z } from 'zod';
import { pageQuery } from './common';
import type { ProblemStatus } from './problems-machine';

export const myProblemReportQuery = pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export type MyProblemReportQuery = z.infer<typeof myProblemReportQuery>;

/** One of my reports: what, where, its state now and when it last changed; never who handles it internally. */
export interface MyProblemReport {
  id: string;
  number: string;
  status: ProblemStatus;
  statusLabel: string;
  category: { code: string; name: string };
  description: string;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface MyProblemReportPage {
  items: MyProblemReport[];
  total: number;
  page: number;
  pageSize: number;
}

/** The public state of a report by its number (anonymous 随手拍). */
export interface ResidentReportTrack {
  number: string;
  status: ProblemStatus;
  statusLabel: string;
  updatedAt: string;
}
