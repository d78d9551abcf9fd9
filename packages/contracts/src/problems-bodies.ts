// Request bodies and list queries of the problems module (zod), shared by the server and the web app.
import { z } from 'zod';
import { pageQuery, versionField } from './common';
import {
  problemActionPhotoKinds,
  problemActions,
  problemActionsNeedingReason,
  problemActionsNeedingUnit,
  problemSeverities,
  problemSources,
  problemNoticeKinds,
  problemStatuses,
} from './problems-machine';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const problemCategoryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'invalid_format');
const regionCodeField = z.string().regex(/^\d{2,12}$/, 'region_code');

export const problemCreateBody = z
  .object({
    /** Client-generated id: a resend with the same id stores the problem once. */
    id: z.string().uuid().optional(),
    source: z.enum(['grid', 'self_inspection', 'office', 'resident']).default('office'),
    category: problemCategoryCode,
    severity: z.enum(problemSeverities).optional(),
    description: text(2000),
    pointId: z.string().uuid().optional().nullable(),
    gridId: z.string().uuid().optional().nullable(),
    regionCode: regionCodeField.optional().nullable(),
    lat: z.number().min(-90).max(90).optional().nullable(),
    lng: z.number().min(-180).max(180).optional().nullable(),
    address: optionalText(300),
    beforePhotoFileIds: z.array(z.string().uuid()).max(20).default([]),
  })
  .refine((b) => !!(b.pointId || b.gridId || b.regionCode), { path: ['regionCode'], message: 'required' })
  .refine((b) => (b.lat == null) === (b.lng == null), { path: ['lng'], message: 'required' });
export type ProblemCreateBody = z.infer<typeof problemCreateBody>;

export const problemTransitionBody = z
  .object({
    action: z.enum(problemActions),
    reason: optionalText(2000),
    unitId: z.string().uuid().optional().nullable(),
    photoFileIds: z.array(z.string().uuid()).max(20).default([]),
    duplicateOf: z.string().uuid().optional().nullable(),
    /** The office may set the severity when it assigns; the deadline follows it. */
    severity: z.enum(problemSeverities).optional(),
    /** The version the client saw: a problem changed since then is a 409 STALE_VERSION (offline resends). */
    version: versionField.optional(),
  })
  .refine((b) => !problemActionsNeedingReason.includes(b.action) || !!b.reason, {
    path: ['reason'],
    message: 'required',
  })
  .refine((b) => !problemActionsNeedingUnit.includes(b.action) || !!b.unitId, {
    path: ['unitId'],
    message: 'required',
  })
  .refine((b) => b.action !== 'mark_duplicate' || !!b.duplicateOf, { path: ['duplicateOf'], message: 'required' })
  .refine((b) => b.photoFileIds.length === 0 || !!problemActionPhotoKinds[b.action], {
    path: ['photoFileIds'],
    message: 'invalid_value',
  });
export type ProblemTransitionBody = z.infer<typeof problemTransitionBody>;

export const problemListQuery = pageQuery.extend({
  status: z.enum(problemStatuses).optional(),
  regionCode: regionCodeField.optional(),
  unitId: z.string().uuid().optional(),
  category: problemCategoryCode.optional(),
  /** Past the deadline in an open state, whether or not the job has flagged it yet. */
  overdue: boolQuery.optional(),
  /** In a state that waits for the responsible unit (assigned, rectifying, returned, reopened). */
  open: boolQuery.optional(),
  /** Reported by the signed-in account. */
  mine: boolQuery.optional(),
  source: z.enum(problemSources).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ProblemListQuery = z.infer<typeof problemListQuery>;

/** The export takes the list's filters (none: the actor's whole scope); `async` runs it as a job with progress. */
export const problemExportQuery = problemListQuery.omit({ page: true, pageSize: true });
export type ProblemExportQuery = z.infer<typeof problemExportQuery>;

export const problemDuplicatesQuery = z.object({
  radius: z.coerce.number().int().min(10).max(5000).optional(),
  days: z.coerce.number().int().min(1).max(365).optional(),
});
export type ProblemDuplicatesQuery = z.infer<typeof problemDuplicatesQuery>;
/** Duplicate suggestions before reporting: the category and where the reporter stands (or the point). */
export const problemNearbyQuery = problemDuplicatesQuery
  .extend({
    category: problemCategoryCode,
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    pointId: z.string().uuid().optional(),
  })
  .refine((q) => (q.lat !== undefined && q.lng !== undefined) || !!q.pointId, { path: ['lat'], message: 'required' });
export type ProblemNearbyQuery = z.infer<typeof problemNearbyQuery>;

export const problemSettingsBody = z.object({
  deadlineDays: z.object({
    low: z.number().int().min(1).max(365),
    medium: z.number().int().min(1).max(365),
    high: z.number().int().min(1).max(365),
  }),
  remindHoursBefore: z.number().int().min(0).max(720),
  escalateAfterHours: z.number().int().min(0).max(2160),
  duplicateRadiusMetres: z.number().int().min(10).max(5000),
  duplicateWindowDays: z.number().int().min(1).max(365),
});

export const problemNoticeListQuery = pageQuery.extend({
  kind: z.enum(problemNoticeKinds).optional(),
  unitId: z.string().uuid().optional(),
  problemId: z.string().uuid().optional(),
});

/** Fields of the public resident report (随手拍), sent as multipart with the photo in `file`. */
export const residentReportFields = z.object({
  tenant: z.string().trim().max(64).optional(),
  category: problemCategoryCode,
  description: text(1000),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  address: optionalText(300),
  regionCode: regionCodeField.optional(),
  name: optionalText(50),
  contact: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, 'phone')
    .optional(),
});
export type ResidentReportFields = z.infer<typeof residentReportFields>;
