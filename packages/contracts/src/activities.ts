// Activities, sign-ups, QR check-in/out, hours, certificates and station figures (SPEC 4.7).
import { z } from 'zod';
import { pageQuery, boundedDate, versionField } from './common';
import { regionCode } from './org';
import { volunteerSkills, type VolunteerSkill } from './volunteers';
import './activities-messages';

export const activityTypes = [
  'theory',
  'policy',
  'performance',
  'education_aid',
  'environment',
  'customs',
  'community',
  'epidemic',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];
export const activityTypeLabels: Record<ActivityType, string> = {
  theory: '理论宣讲',
  policy: '政策宣传',
  performance: '文艺演出',
  education_aid: '助学助残',
  environment: '生态环保',
  customs: '移风易俗',
  community: '社区服务',
  epidemic: '疫情防控',
  other: '其他',
};
export const activityStatuses = ['published', 'cancelled'] as const;
export const signupStatuses = ['signed_up', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];
export const hoursStatuses = ['none', 'pending', 'confirmed'] as const;
export type HoursStatus = (typeof hoursStatuses)[number];

/** Check-in opens this long before the start; check-out closes this long after the end. */
export const CHECKIN_OPENS_MINUTES = 30;
export const CHECKOUT_CLOSES_MINUTES = 120;
/** Period of the rotating check-in QR code; the current and the previous code are accepted. */
export const QR_PERIOD_SECONDS = 30;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const isoDate = boundedDate;

export const activityBody = z
  .object({
    id: z.string().uuid().optional(),
    projectId: z.string().uuid().optional().nullable(),
    title: z.string().trim().min(1).max(200),
    type: z.enum(activityTypes),
    description: optionalText(4000),
    siteId: z.string().uuid().optional().nullable(),
    teamId: z.string().uuid().optional().nullable(),
    regionCode,
    place: z.string().trim().min(1).max(300),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    radiusM: z.number().int().min(20).max(10000).default(300),
    startsAt: isoDate,
    endsAt: isoDate,
    recruitLimit: z.number().int().min(1).max(100000),
    requiredSkills: z.array(z.enum(volunteerSkills)).max(20).default([]),
    /** Only members of the activity's team may sign up. */
    teamOnly: z.boolean().default(false),
  })
  .refine((b) => !!(b.siteId || b.teamId), { path: ['siteId'], message: 'required' })
  .refine((b) => b.endsAt.getTime() > b.startsAt.getTime(), { path: ['endsAt'], message: 'after_start' })
  .refine((b) => b.endsAt.getTime() - b.startsAt.getTime() <= 7 * 86400000, { path: ['endsAt'], message: 'too_long' })
  .refine((b) => !b.teamOnly || !!b.teamId, { path: ['teamId'], message: 'required' });
export type ActivityBody = z.infer<typeof activityBody>;

/** A calendar day, YYYY-MM-DD, that exists (2027-02-30 does not). */
const listDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'invalid_date');

export const activityListQuery = pageQuery
  .extend({
    q: z.string().trim().max(100).optional(),
    siteId: z.string().uuid().optional(),
    teamId: z.string().uuid().optional(),
    type: z.enum(activityTypes).optional(),
    /** upcoming: not yet ended; past: ended. */
    when: z.enum(['upcoming', 'past', 'all']).default('all'),
    /** Only activities the signed-in volunteer signed up to. */
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Activities held on or after this day (YYYY-MM-DD, Beijing time). */
    from: listDay.optional(),
    /** Activities held on or before this day. */
    to: listDay.optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], message: 'invalid_range' });
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export interface ActivityView {
  id: string;
  projectId: string | null;
  projectName: string | null;
  title: string;
  type: ActivityType;
  description: string | null;
  siteId: string | null;
  siteName: string | null;
  teamId: string | null;
  teamName: string | null;
  regionCode: string;
  place: string;
  lat: number;
  lng: number;
  radiusM: number;
  startsAt: string;
  endsAt: string;
  recruitLimit: number;
  requiredSkills: VolunteerSkill[];
  teamOnly: boolean;
  status: (typeof activityStatuses)[number];
  signedUpCount: number;
  waitlistCount: number;
  /** The signed-in volunteer's own sign-up, if any. */
  mySignup: SignupView | null;
  canManage: boolean;
  version: number;
}

export interface SignupView {
  activityId: string;
  volunteerId: string;
  volunteerNumber: string;
  name: string;
  status: SignupStatus;
  /** 1-based place on the waitlist. */
  waitlistPosition: number | null;
  signedAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  closedByOrganiser: boolean;
  minutes: number | null;
  hours: number | null;
  hoursStatus: HoursStatus;
  confirmedAt: string | null;
}

const projectFields = {
  name: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  siteId: z.string().uuid().optional().nullable(),
  teamId: z.string().uuid().optional().nullable(),
  regionCode,
  isBrand: z.boolean().default(false),
};
const siteOrTeam = (b: { siteId?: string | null; teamId?: string | null }) => !!(b.siteId || b.teamId);
export const projectBody = z.object(projectFields).refine(siteOrTeam, { path: ['siteId'], message: 'required' });
/** An edit carries the version read; a stale one is refused (409 STALE_VERSION). */
export const projectUpdateBody = z
  .object({ ...projectFields, version: versionField })
  .refine(siteOrTeam, { path: ['siteId'], message: 'required' });
export type ProjectUpdateBody = z.infer<typeof projectUpdateBody>;
export interface ProjectView {
  id: string;
  name: string;
  description: string | null;
  siteId: string | null;
  teamId: string | null;
  regionCode: string;
  isBrand: boolean;
  activityCount: number;
  version: number;
}
/** A project's page: names of its site, team and region, and its activities, latest first. */
export interface ProjectDetailView extends ProjectView {
  siteName: string | null;
  teamName: string | null;
  regionName: string | null;
  createdAt: string;
  updatedAt: string | null;
  activities: {
    id: string;
    title: string;
    type: string;
    status: string;
    startsAt: string;
    endsAt: string;
    signedUpCount: number;
  }[];
}

/** What the organiser's screen shows: the current code and when it turns over. */
export interface ActivityQrView {
  activityId: string;
  /** Text to encode in the QR image: `wenming-checkin:<activityId>:<token>`. */
  payload: string;
  token: string;
  slot: number;
  expiresAt: string;
  /** SVG of the QR image. */
  svg: string;
}

export const checkBody = z.object({
  kind: z.enum(['in', 'out']),
  /** The scanned payload or just its token. */
  token: z.string().trim().min(1).max(300),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type CheckBody = z.infer<typeof checkBody>;

export const attendanceParams = z.object({ id: z.string().uuid(), volunteerId: z.string().uuid() });
/** The organiser closes a forgotten check-out (flagged), or corrects times with a reason (audited). */
export const attendanceCloseBody = z.object({ checkOutAt: isoDate.optional() });
export const attendanceCorrectBody = z
  .object({ checkInAt: isoDate, checkOutAt: isoDate, reason: z.string().trim().min(1).max(500) })
  .refine((b) => b.checkOutAt.getTime() > b.checkInAt.getTime(), { path: ['checkOutAt'], message: 'after_start' });
export const hoursConfirmBody = z.object({
  /** Volunteers whose pending hours to confirm; all pending ones when left out. */
  volunteerIds: z.array(z.string().uuid()).max(10000).optional(),
});

export const certificateBody = z
  .object({ from: boundedDate.optional(), to: boundedDate.optional() })
  .refine((b) => !b.from || !b.to || b.from.getTime() <= b.to.getTime(), { path: ['to'], message: 'after_start' });
export interface CertificateView {
  id: string;
  number: string;
  volunteerId: string;
  volunteerName: string;
  hours: number;
  periodFrom: string | null;
  periodTo: string | null;
  activityCount: number;
  issuedAt: string;
}

export const stationMonthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format')
    .optional(),
  regionCode: regionCode.optional(),
});
/** One station's month (一月一活动): activities held, volunteers active, confirmed hours. */
export interface StationMonthRow {
  siteId: string;
  siteName: string;
  siteKind: string;
  regionCode: string;
  activities: number;
  activeVolunteers: number;
  hours: number;
  /** At least one activity this month. */
  meetsMonthly: boolean;
}
/** The figures an office reports, computed from the data in scope. */
export interface VolunteerOverview {
  sitesByKind: Record<string, number>;
  teamsByLevel: Record<string, number>;
  registeredVolunteers: number;
  /** Volunteers with confirmed hours in the last 12 months. */
  activeVolunteers: number;
  confirmedHours: number;
  activitiesThisYear: number;
}
