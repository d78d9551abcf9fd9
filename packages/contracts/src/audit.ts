import { z } from 'zod';
import { pageQuery, instantString } from './common';

export const auditQuery = pageQuery.extend({
  actor: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: instantString.optional(),
  to: instantString.optional(),
});

export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditEventView {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** The object's name (a problem's number, a unit's name…) when the record still exists. */
  objectName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
}
