// Volunteers and teams (SPEC 4.7): codes, request bodies and views shared by server and web.
import { z } from 'zod';
import { pageQuery, versionField } from './common';
import { idCardNumber, mobilePhone, regionCode } from './org';
import './volunteers-messages';

/** Skill codes; H4's dispatch matches order items against these. */
export const volunteerSkills = [
  'policy_talk',
  'legal',
  'medical',
  'first_aid',
  'psychology',
  'tutoring',
  'elderly_care',
  'child_care',
  'disability_aid',
  'repair',
  'arts',
  'photography',
  'it',
  'driving',
  'environment',
  'cleaning',
  'translation',
  'sports',
] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];
export const volunteerSkillLabels: Record<VolunteerSkill, string> = {
  policy_talk: '理论政策宣讲',
  legal: '法律咨询',
  medical: '医疗健康',
  first_aid: '应急救护',
  psychology: '心理疏导',
  tutoring: '教育辅导',
  elderly_care: '助老服务',
  child_care: '关爱儿童',
  disability_aid: '助残服务',
  repair: '家电维修',
  arts: '文艺表演',
  photography: '摄影宣传',
  it: '信息技术',
  driving: '驾驶',
  environment: '生态环保',
  cleaning: '环境整治',
  translation: '翻译',
  sports: '文体健身',
};

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const dayParts = ['am', 'pm', 'eve'] as const;
/** Availability slots `mon_am` … `sun_eve` (morning, afternoon, evening of each weekday). */
export const availabilitySlots = weekdays.flatMap((d) => dayParts.map((p) => `${d}_${p}` as const));
export type AvailabilitySlot = (typeof availabilitySlots)[number];

export const politicalStatuses = [
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'masses',
] as const;
export const politicalStatusLabels: Record<(typeof politicalStatuses)[number], string> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};
export const educationLevels = [
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'bachelor',
  'master',
  'doctor',
] as const;
export const educationLabels: Record<(typeof educationLevels)[number], string> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专/职高',
  college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};
export const volunteerStatuses = ['active', 'suspended', 'withdrawn'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const uniqueList = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .default([])
    .transform((xs) => [...new Set(xs)] as z.infer<T>[]);

const volunteerFields = {
  name: z.string().trim().min(1).max(50),
  phone: mobilePhone,
  skills: uniqueList(z.enum(volunteerSkills), 20),
  serviceAreas: uniqueList(regionCode, 50),
  availability: uniqueList(z.enum(availabilitySlots as unknown as [AvailabilitySlot, ...AvailabilitySlot[]]), 21),
  politicalStatus: z.enum(politicalStatuses).optional().nullable(),
  education: z.enum(educationLevels).optional().nullable(),
  emergencyName: optionalText(50),
  emergencyPhone: mobilePhone.optional().nullable(),
  /** Home region (community); decides who may see the record. */
  regionCode,
  homeLat: z.number().min(-90).max(90).optional().nullable(),
  homeLng: z.number().min(-180).max(180).optional().nullable(),
  /** Practice site the volunteer registers with (a station registering sets its own). */
  siteId: z.string().uuid().optional().nullable(),
};

/** Registration: by the volunteer (linked to their account) or by a station. Gender and birth come from the ID. */
export const volunteerCreateObject = z.object({
  id: z.string().uuid().optional(),
  idCard: idCardNumber,
  ...volunteerFields,
});
export const volunteerCreateBody = volunteerCreateObject.refine((b) => (b.homeLat == null) === (b.homeLng == null), {
  path: ['homeLng'],
  message: 'required',
});
export type VolunteerCreateBody = z.infer<typeof volunteerCreateBody>;

export const volunteerUpdateBody = z
  .object({ ...volunteerFields, status: z.enum(volunteerStatuses).optional(), version: versionField })
  .refine((b) => (b.homeLat == null) === (b.homeLng == null), { path: ['homeLng'], message: 'required' });
export type VolunteerUpdateBody = z.infer<typeof volunteerUpdateBody>;

export const volunteerListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCode.optional(),
  siteId: z.string().uuid().optional(),
  teamId: z.string().uuid().optional(),
  skill: z.enum(volunteerSkills).optional(),
  status: z.enum(volunteerStatuses).optional(),
  /** At least this star level (the tenant's thresholds over confirmed hours). */
  minStar: z.coerce.number().int().min(1).max(10).optional(),
  /** At least this many confirmed service hours. */
  minHours: z.coerce.number().min(0).max(1_000_000).optional(),
});
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;

export interface VolunteerView {
  id: string;
  number: string;
  accountId: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idCardMasked: string;
  phoneMasked: string | null;
  skills: VolunteerSkill[];
  serviceAreas: string[];
  availability: AvailabilitySlot[];
  politicalStatus: (typeof politicalStatuses)[number] | null;
  education: (typeof educationLevels)[number] | null;
  emergencyName: string | null;
  emergencyPhoneMasked: string | null;
  regionCode: string;
  regionName: string | null;
  homeLat: number | null;
  homeLng: number | null;
  siteId: string | null;
  siteName: string | null;
  status: VolunteerStatus;
  confirmedHours: number;
  starLevel: number;
  hoursToNextStar: number | null;
  version: number;
  createdAt: string;
}

/** Teams: 总队 → 支队 → 小队, plus specialist teams (专业队) under any level or none. */
export const teamLevels = ['corps', 'brigade', 'squad', 'specialist'] as const;
export type TeamLevel = (typeof teamLevels)[number];
export const teamLevelLabels: Record<TeamLevel, string> = {
  corps: '总队',
  brigade: '支队',
  squad: '小队',
  specialist: '专业队',
};
/** The level a parent must have for each level; specialist teams may hang anywhere or at the top. */
export const teamParentLevel: Record<TeamLevel, TeamLevel | null | 'any'> = {
  corps: null,
  brigade: 'corps',
  squad: 'brigade',
  specialist: 'any',
};

export const teamBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    level: z.enum(teamLevels),
    parentId: z.string().uuid().optional().nullable(),
    siteId: z.string().uuid().optional().nullable(),
    unitId: z.string().uuid().optional().nullable(),
    regionCode,
    specialty: optionalText(100),
    description: optionalText(1000),
  })
  .refine((b) => !!(b.siteId || b.unitId), { path: ['siteId'], message: 'required' });
export type TeamBody = z.infer<typeof teamBody>;
export const teamUpdateBody = z.object({
  name: z.string().trim().min(1).max(100),
  specialty: optionalText(100),
  description: optionalText(1000),
  version: versionField,
});

export const teamListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  level: z.enum(teamLevels).optional(),
  parentId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
});

export interface TeamView {
  id: string;
  name: string;
  level: TeamLevel;
  parentId: string | null;
  parentName: string | null;
  siteId: string | null;
  siteName: string | null;
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  specialty: string | null;
  description: string | null;
  memberCount: number;
  pendingCount: number;
  version: number;
}

export const memberStatuses = ['pending', 'active', 'rejected', 'left'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
export const teamJoinBody = z.object({ note: optionalText(500) });
export const teamAddMemberBody = z.object({
  volunteerId: z.string().uuid(),
  role: z.enum(['member', 'leader']).default('member'),
});
export const teamDecisionBody = z
  .object({ decision: z.enum(['approve', 'reject']), note: optionalText(500) })
  .refine((b) => b.decision === 'approve' || !!b.note, { path: ['note'], message: 'required' });
export const teamMemberParams = z.object({ id: z.string().uuid(), volunteerId: z.string().uuid() });
export const teamMemberListQuery = pageQuery.extend({ status: z.enum(memberStatuses).optional() });

export interface TeamMemberView {
  teamId: string;
  volunteerId: string;
  volunteerNumber: string;
  name: string;
  phoneMasked: string | null;
  status: MemberStatus;
  role: 'member' | 'leader';
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

/** One row of an import error or a bulk operation. */
export interface VolunteerImportResult {
  created: number;
}
