// Open311 GeoReport v2 (with mySociety's request-updates extension): service attributes, the mapping of the
// rectification states onto open/closed and the extended statuses, and the client-key admin bodies.
import { z } from 'zod';
import type { ProblemStatus } from './problems-machine';

export const open311Datatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Open311Datatype = (typeof open311Datatypes)[number];

/** An attribute of a service definition (GeoReport v2 `GET services/{code}`). */
export interface Open311Attribute {
  code: string;
  /** false: informational only, no value expected. */
  variable: boolean;
  datatype: Open311Datatype;
  required: boolean;
  datatypeDescription: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export const open311AttributeSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  variable: z.boolean().default(true),
  datatype: z.enum(open311Datatypes),
  required: z.boolean().default(false),
  datatypeDescription: z.string().max(200).nullable().default(null),
  order: z.number().int().min(0),
  description: z.string().min(1).max(500),
  values: z
    .array(z.object({ key: z.string().min(1).max(64), name: z.string().min(1).max(200) }))
    .max(100)
    .optional(),
});

/** GeoReport's two statuses. */
export type Open311Status = 'open' | 'closed';
/** mySociety's extended statuses of request updates. */
export type Open311ExtendedStatus =
  | 'open'
  | 'action_scheduled'
  | 'in_progress'
  | 'investigating'
  | 'fixed'
  | 'duplicate'
  | 'closed'
  | 'internal_referral';

export const open311StatusOf: Record<ProblemStatus, { status: Open311Status; extended: Open311ExtendedStatus }> = {
  reported: { status: 'open', extended: 'open' },
  assigned: { status: 'open', extended: 'action_scheduled' },
  rectifying: { status: 'open', extended: 'in_progress' },
  submitted: { status: 'open', extended: 'in_progress' },
  returned: { status: 'open', extended: 'in_progress' },
  reopened: { status: 'open', extended: 'open' },
  disputed: { status: 'open', extended: 'investigating' },
  verified: { status: 'closed', extended: 'fixed' },
  closed: { status: 'closed', extended: 'fixed' },
  duplicate: { status: 'closed', extended: 'duplicate' },
};

/** Problem states that answer a GeoReport `status` filter. */
export function problemStatusesFor(status: Open311Status): ProblemStatus[] {
  return (Object.keys(open311StatusOf) as ProblemStatus[]).filter((s) => open311StatusOf[s].status === status);
}

export const open311ClientBody = z.object({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().max(200).optional().nullable(),
});
export type Open311ClientBody = z.infer<typeof open311ClientBody>;
