// Tables of the volunteers module: volunteers, teams, activities, sign-ups, hours, certificates (SPEC 4.7).
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { account } from './platform';
import { practiceSite, region, unit } from './org';
import { createdAt, tenantId, tstz, updatedAt } from './types';

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * A registered volunteer. ID number and phone are encrypted; the keyed hash finds a second
 * registration of the same person. `confirmedHours` is kept in step with confirmed hours records.
 */
export const volunteer = pgTable(
  'volunteer',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** Platform number, e.g. V6203022026000123 (region, year, sequence), never the ID number. */
    number: text('number').notNull(),
    accountId: uuid('account_id'),
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date'),
    idCardEnc: text('id_card_enc').notNull(),
    idCardHash: text('id_card_hash').notNull(),
    idCardMasked: text('id_card_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    /** Skill codes from `volunteerSkills` in contracts. */
    skills: textArray('skills'),
    /** Region codes the volunteer serves in. */
    serviceAreas: textArray('service_areas'),
    /** Slot codes `mon_am` … `sun_eve` (see `availabilitySlots`). */
    availability: textArray('availability'),
    politicalStatus: text('political_status'),
    education: text('education'),
    emergencyName: text('emergency_name'),
    emergencyPhoneEnc: text('emergency_phone_enc'),
    emergencyPhoneMasked: text('emergency_phone_masked'),
    /** Home region (scope) and home location (dispatch distance). */
    regionCode: text('region_code').notNull(),
    homeLat: doublePrecision('home_lat'),
    homeLng: doublePrecision('home_lng'),
    /** The practice site the volunteer registered with; station admins see their site's volunteers. */
    siteId: uuid('site_id'),
    status: text('status').notNull().default('active'),
    confirmedHours: numeric('confirmed_hours', { precision: 10, scale: 1, mode: 'number' }).notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('volunteer_number_uq').on(t.tenantId, t.number),
    unique('volunteer_id_card_uq').on(t.tenantId, t.idCardHash),
    unique('volunteer_account_uq').on(t.tenantId, t.accountId),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    index('volunteer_region_idx').on(t.tenantId, t.regionCode),
    index('volunteer_site_idx').on(t.tenantId, t.siteId),
    index('volunteer_skills_gin').using('gin', t.skills),
    index('volunteer_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Last sequence number used per number prefix (region + year). */
export const volunteerNumberSeq = pgTable(
  'volunteer_number_seq',
  {
    tenantId: tenantId(),
    prefix: text('prefix').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.prefix] })],
);

/** Rounding rule and star thresholds of a tenant; defaults apply when there is no row. */
export const volunteerSetting = pgTable(
  'volunteer_setting',
  {
    tenantId: tenantId(),
    rounding: jsonb('rounding').notNull(),
    starThresholds: jsonb('star_thresholds').$type<number[]>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

/** 总队 (corps) → 支队 (brigade) → 小队 (squad), or a specialist team; led by a site or a unit. */
export const volunteerTeam = pgTable(
  'volunteer_team',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    siteId: uuid('site_id'),
    unitId: uuid('unit_id'),
    regionCode: text('region_code').notNull(),
    specialty: text('specialty'),
    description: text('description'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('volunteer_team_parent_idx').on(t.tenantId, t.parentId),
    index('volunteer_team_site_idx').on(t.tenantId, t.siteId),
  ],
);

/** Membership of a volunteer in a team: a join request (pending) is approved or rejected. */
export const teamMember = pgTable(
  'team_member',
  {
    tenantId: tenantId(),
    teamId: uuid('team_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    status: text('status').notNull(),
    role: text('role').notNull().default('member'),
    note: text('note'),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
    decidedAt: tstz('decided_at'),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teamId, t.volunteerId] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [volunteerTeam.tenantId, volunteerTeam.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    index('team_member_volunteer_idx').on(t.tenantId, t.volunteerId),
  ],
);

/** A project (品牌项目) groups activities of a site or team. */
export const activityProject = pgTable(
  'activity_project',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    siteId: uuid('site_id'),
    teamId: uuid('team_id'),
    regionCode: text('region_code').notNull(),
    isBrand: boolean('is_brand').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [volunteerTeam.tenantId, volunteerTeam.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
  ],
);

/** An activity with its time, place, geofence and recruitment; `qrSecret` keys the rotating check-in code. */
export const activity = pgTable(
  'activity',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id'),
    title: text('title').notNull(),
    type: text('type').notNull(),
    description: text('description'),
    siteId: uuid('site_id'),
    teamId: uuid('team_id'),
    regionCode: text('region_code').notNull(),
    place: text('place').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    radiusM: integer('radius_m').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    recruitLimit: integer('recruit_limit').notNull(),
    requiredSkills: textArray('required_skills'),
    teamOnly: boolean('team_only').notNull().default(false),
    status: text('status').notNull().default('published'),
    qrSecret: text('qr_secret').notNull(),
    reminderSentAt: tstz('reminder_sent_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [activityProject.tenantId, activityProject.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [volunteerTeam.tenantId, volunteerTeam.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('activity_site_starts_idx').on(t.tenantId, t.siteId, t.startsAt),
    index('activity_starts_idx').on(t.tenantId, t.startsAt),
  ],
);

/**
 * A volunteer's sign-up to an activity, and the hours record it becomes: check-in/out times,
 * computed minutes and hours, and the organiser's confirmation (谁记录谁证明).
 */
export const activitySignup = pgTable(
  'activity_signup',
  {
    tenantId: tenantId(),
    activityId: uuid('activity_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** signed_up | waitlisted | cancelled */
    status: text('status').notNull(),
    signedAt: tstz('signed_at').notNull().defaultNow(),
    promotedAt: tstz('promoted_at'),
    cancelledAt: tstz('cancelled_at'),
    checkInAt: tstz('check_in_at'),
    checkOutAt: tstz('check_out_at'),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    /** The organiser closed a forgotten check-out. */
    closedByOrganiser: boolean('closed_by_organiser').notNull().default(false),
    minutes: integer('minutes'),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }),
    /** none | pending | confirmed */
    hoursStatus: text('hours_status').notNull().default('none'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: tstz('confirmed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.activityId, t.volunteerId] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [activity.tenantId, activity.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    index('activity_signup_volunteer_idx').on(t.tenantId, t.volunteerId),
  ],
);

/** A 志愿服务证明 issued to a volunteer: numbered, with the hours and content it certifies. */
export const volunteerCertificate = pgTable(
  'volunteer_certificate',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    hours: numeric('hours', { precision: 10, scale: 1, mode: 'number' }).notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    content: jsonb('content').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: tstz('issued_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('volunteer_certificate_number_uq').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
  ],
);

/** Messages to volunteers about activities: reminders before the start, promotion from the waitlist. */
export const activityNotice = pgTable(
  'activity_notice',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    activityId: uuid('activity_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** reminder | promoted */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: tstz('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('activity_notice_once_uq').on(t.tenantId, t.activityId, t.volunteerId, t.kind),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [activity.tenantId, activity.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    index('activity_notice_volunteer_idx').on(t.tenantId, t.volunteerId, t.createdAt),
  ],
);
