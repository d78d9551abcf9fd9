// Demo volunteers of 示范市: teams 总队 → 支队 → 小队 plus a specialist team, about sixty volunteers (the demo
// account `volunteer` among them), activities over the last three months with check-ins and confirmed hours,
// and upcoming activities to sign up to.
import type { DemoContext } from '../../../demo/context';
import { shanghaiDate, shanghaiDayStart, shanghaiMonthBounds } from '../../../platform/clock';
import {
  type VolunteerSkill,
  activityTypes,
  computeIdCardCheck,
  roundServiceHours,
  volunteerSkills,
} from '@wenming/contracts';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PiiCipher } from '../../../platform/crypto';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { buildSearchText } from '../../../platform/search-text';
import { type NewVolunteer, insertVolunteers } from '../volunteer.repository';

const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const given = ['晓燕', '志刚', '海涛', '丽娟', '建华', '春花', '明亮', '秀兰', '文博', '雅静', '国栋', '梦瑶'];
const titles: Record<string, string> = {
  theory: '党的创新理论进社区宣讲',
  policy: '惠民政策宣传咨询',
  performance: '文明实践文艺汇演',
  education_aid: '留守儿童课业辅导',
  environment: '河道沿线垃圾清理',
  customs: '移风易俗倡议宣传',
  community: '敬老院陪伴服务',
  epidemic: '健康知识与防疫宣传',
  other: '文明交通劝导',
};
const DAY = 86400_000;

type Site = { id: string; kind: string; region_code: string; name: string };

async function sitesOf(db: Db, tenantId: string) {
  const rows = (
    await db.execute(
      sql`SELECT id, kind, region_code, name FROM practice_site WHERE tenant_id = ${tenantId} ORDER BY kind, region_code`,
    )
  ).rows as Site[];
  return {
    centre: rows.find((s) => s.kind === 'centre')!,
    institutes: rows.filter((s) => s.kind === 'institute'),
    stations: rows.filter((s) => s.kind === 'station'),
  };
}

async function demoAccount(db: Db, cipher: PiiCipher, tenantId: string) {
  const r = (
    await db.execute(sql`SELECT a.id, p.name, p.id_card_enc, p.phone_enc, p.region_code FROM account a
      JOIN person p ON p.tenant_id = a.tenant_id AND p.id = a.person_id WHERE a.tenant_id = ${tenantId} AND a.username = 'volunteer'`)
  ).rows[0] as any;
  return r
    ? {
        accountId: r.id,
        name: r.name,
        idCard: cipher.decrypt(r.id_card_enc),
        phone: cipher.decrypt(r.phone_enc),
        regionCode: r.region_code,
      }
    : null;
}

function demoVolunteers(centre: Site, stations: Site[], me: Awaited<ReturnType<typeof demoAccount>>): NewVolunteer[] {
  const pick = (i: number, n: number) => [
    ...new Set(Array.from({ length: n }, (_, k) => volunteerSkills[(i * 5 + k * 7) % volunteerSkills.length])),
  ];
  const list: NewVolunteer[] = Array.from({ length: me ? 59 : 60 }, (_, i) => {
    const site = i % 2 === 0 ? centre : stations[i % 6];
    const region = site.kind === 'station' ? site.region_code : '620302001001';
    const body = `620302${1970 + (i % 35)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}${String(500 + i).padStart(3, '0')}`;
    return {
      name: surnames[(i * 3) % surnames.length] + given[i % given.length],
      idCard: body + computeIdCardCheck(body),
      phone: `137${String(30000000 + i * 7331).slice(0, 8)}`,
      regionCode: region,
      skills: pick(i, 1 + (i % 3)) as VolunteerSkill[],
      serviceAreas: [region],
      availability: (i % 3 === 0
        ? ['sat_am', 'sun_am']
        : i % 3 === 1
          ? ['mon_eve', 'wed_eve', 'sat_pm']
          : ['tue_am', 'thu_pm']) as never,
      politicalStatus: (['cpc_member', 'masses', 'cyl_member'] as const)[i % 3],
      education: (['bachelor', 'college', 'senior', 'master'] as const)[i % 4],
      homeLat: 38.5 + (i % 10) * 0.004,
      homeLng: 102.17 + (i % 7) * 0.005,
      siteId: site.id,
    };
  });
  if (me)
    list.unshift({
      name: me.name,
      idCard: me.idCard,
      phone: me.phone,
      regionCode: me.regionCode,
      skills: ['elderly_care', 'first_aid', 'policy_talk'],
      serviceAreas: [me.regionCode],
      availability: ['sat_am', 'sat_pm', 'sun_am'],
      politicalStatus: 'cyl_member',
      education: 'bachelor',
      homeLat: 38.52,
      homeLng: 102.188,
      siteId: centre.id,
      accountId: me.accountId,
    });
  return list;
}

async function insertTeam(
  tx: Db,
  tenantId: string,
  t: { name: string; level: string; parent?: string; site: Site; specialty?: string },
) {
  const id = newId();
  await tx.execute(sql`INSERT INTO volunteer_team (tenant_id, id, name, level, parent_id, site_id, region_code, specialty, search_text)
    VALUES (${tenantId}, ${id}, ${t.name}, ${t.level}, ${t.parent ?? null}, ${t.site.id}, ${t.site.region_code},
      ${t.specialty ?? null}, ${buildSearchText(t.name)})`);
  return id;
}

async function seedTeams(tx: Db, tenantId: string, s: Awaited<ReturnType<typeof sitesOf>>, vols: string[], now: Date) {
  const corps = await insertTeam(tx, tenantId, {
    name: '示范市新时代文明实践志愿服务总队',
    level: 'corps',
    site: s.centre,
  });
  const squads: string[] = [];
  for (const [i, inst] of s.institutes.slice(0, 2).entries()) {
    const brigade = await insertTeam(tx, tenantId, {
      name: `${inst.name.replace('新时代文明实践所', '')}志愿服务支队`,
      level: 'brigade',
      parent: corps,
      site: inst,
    });
    for (const st of s.stations.slice(i * 2, i * 2 + 2))
      squads.push(
        await insertTeam(tx, tenantId, {
          name: `${st.name.replace('新时代文明实践站', '')}志愿服务小队`,
          level: 'squad',
          parent: brigade,
          site: st,
        }),
      );
  }
  const medics = await insertTeam(tx, tenantId, {
    name: '应急救护专业志愿服务队',
    level: 'specialist',
    parent: corps,
    site: s.centre,
    specialty: '应急救护',
  });
  const members = vols.map((v, i) => ({
    team: i % 5 === 4 ? medics : squads[i % squads.length],
    v,
    status: i > 0 && i % 17 === 0 ? 'pending' : 'active',
    role: i < squads.length ? 'leader' : 'member',
  }));
  members.push({ team: medics, v: vols[0], status: 'active', role: 'member' });
  await tx.execute(sql`INSERT INTO team_member (tenant_id, team_id, volunteer_id, status, role, decided_at)
    SELECT ${tenantId}, x.team, x.v, x.status, x.role, CASE WHEN x.status = 'active' THEN ${now.toISOString()}::timestamptz END
    FROM jsonb_to_recordset(${JSON.stringify(members)}::jsonb) AS x(team uuid, v uuid, status text, role text)
    ON CONFLICT DO NOTHING`);
  return corps;
}

/** One activity with sign-ups; past ones get check-ins/outs and (mostly) confirmed hours. */
async function seedActivity(
  tx: Db,
  tenantId: string,
  a: { i: number; site: Site; start: number; people: string[]; confirmer: string | null; project: string | null },
  now: Date,
) {
  const type = activityTypes[a.i % (activityTypes.length - 1)];
  const id = newId();
  const hoursLong = 2 + (a.i % 3);
  const past = a.start + hoursLong * 3600_000 < now.getTime();
  await tx.execute(sql`INSERT INTO activity (tenant_id, id, project_id, title, type, description, site_id, region_code, place,
      lat, lng, radius_m, starts_at, ends_at, recruit_limit, qr_secret)
    VALUES (${tenantId}, ${id}, ${a.project}, ${titles[type]}, ${type}, ${'组织志愿者开展服务，欢迎报名参加。'}, ${a.site.id},
      ${a.site.region_code}, ${`${a.site.name}门前广场`}, ${38.52 + (a.i % 5) * 0.003}, ${102.188 + (a.i % 4) * 0.003}, 300,
      ${new Date(a.start).toISOString()}, ${new Date(a.start + hoursLong * 3600_000).toISOString()}, ${past ? 12 : 20},
      ${crypto.randomBytes(32).toString('base64url')})`);
  const rows = a.people.map((v, k) => {
    if (!past) return { v, status: 'signed_up' };
    const inAt = a.start - (5 + k) * 60_000;
    const minutes = hoursLong * 60 - 20 + ((k * 13) % 50);
    const forgot = k === 3 && a.i % 4 === 0;
    const pending = a.i === 1 || a.i >= 60; // this month's station activities wait for the organiser's confirmation
    return {
      v,
      status: 'signed_up',
      in: new Date(inAt).toISOString(),
      out: new Date(inAt + minutes * 60_000).toISOString(),
      minutes,
      hours: roundServiceHours(minutes),
      closed: forgot,
      hs: pending ? 'pending' : 'confirmed',
      by: pending ? null : a.confirmer,
    };
  });
  await tx.execute(sql`INSERT INTO activity_signup (tenant_id, activity_id, volunteer_id, status, signed_at, check_in_at, check_out_at,
      minutes, hours, closed_by_organiser, hours_status, confirmed_by, confirmed_at)
    SELECT ${tenantId}, ${id}, x.v, x.status, ${new Date(a.start - 3 * DAY).toISOString()}::timestamptz, x.in, x.out, x.minutes, x.hours,
      coalesce(x.closed, false), coalesce(x.hs, 'none'), x.by, CASE WHEN x.hs = 'confirmed' THEN x.out END
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(v uuid, status text, "in" timestamptz, out timestamptz,
      minutes int, hours numeric, closed boolean, hs text, by uuid)`);
}

/** Seed the volunteers' demo once (after inspections); the demo `volunteer` account becomes a volunteer. */
export async function seedDemoVolunteers(d: DemoContext): Promise<void> {
  const { db, cipher, tenantId } = d;
  const now = d.clock.now();
  const exists = await db.execute(sql`SELECT 1 FROM volunteer_team WHERE tenant_id = ${tenantId} LIMIT 1`);
  if (exists.rows.length) return;
  const s = await sitesOf(db, tenantId);
  if (!s.centre || s.stations.length < 6 || s.institutes.length < 2) return;
  const me = await demoAccount(db, cipher, tenantId);
  const confirmer =
    (
      (await db.execute(sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'station_admin'`))
        .rows[0] as { id: string } | undefined
    )?.id ?? null;
  await db.transaction(async (tx) => {
    const bodies = demoVolunteers(s.centre, s.stations, me).map((b) => ({ ...b, id: newId() }));
    await insertVolunteers(tx, cipher, tenantId, bodies, { onConflict: 'skip', at: now });
    const ids = bodies.map((b) => b.id); // the demo account's volunteer first
    await seedTeams(tx, tenantId, s, ids, now);
    const project = newId();
    await tx.execute(sql`INSERT INTO activity_project (tenant_id, id, name, description, site_id, region_code, is_brand)
      VALUES (${tenantId}, ${project}, '文明实践·邻里守望', '示范市新时代文明实践品牌项目：关爱空巢老人与留守儿童', ${s.centre.id}, ${s.centre.region_code}, true)`);
    const today = shanghaiDayStart(shanghaiDate(now)).getTime() + 9 * 3600_000; // 09:00 Beijing
    for (let i = 0; i < 14; i++) {
      const site = i % 2 === 0 ? s.centre : s.stations[i % 6];
      const people = ids.filter((_, k) => (k + i) % 5 === 0 || (k === 0 && i % 3 === 0)).slice(0, 10);
      await seedActivity(
        tx,
        tenantId,
        {
          i,
          site,
          start: today - (6 + i * 6) * DAY,
          people,
          confirmer,
          project: i % 3 === 0 ? project : null,
        },
        now,
      );
    }
    // 一月一活动: every institute and half of the stations held an activity last month, and the same sites one in
    // this month (already held from the 3rd of the month on, still to come before that).
    const local = shanghaiDate(now);
    const thisMonth = shanghaiMonthBounds(local.slice(0, 7)).from.getTime();
    const dayOfMonth = Number(local.slice(8, 10));
    const monthly = [...s.institutes, ...s.stations.filter((_, k) => k % 2 === 0)];
    for (const [k, site] of monthly.entries()) {
      const people = ids.filter((_, j) => (j + k) % 7 === 0).slice(0, 2);
      const base = { site, people, confirmer, project: null };
      await seedActivity(
        tx,
        tenantId,
        { ...base, i: 30 + k, start: thisMonth - (10 + (k % 15)) * DAY + 9 * 3600_000 },
        now,
      );
      const held = dayOfMonth >= 3 ? thisMonth + (k % (dayOfMonth - 1)) * DAY : today + (2 + (k % 5)) * DAY;
      await seedActivity(tx, tenantId, { ...base, i: 60 + k, start: held + (dayOfMonth >= 3 ? 9 * 3600_000 : 0) }, now);
    }
    // Upcoming: one the demo volunteer can sign up to, one already signed up.
    await seedActivity(
      tx,
      tenantId,
      {
        i: 20,
        site: s.centre,
        start: today + 2 * DAY,
        people: ids.slice(5, 9),
        confirmer,
        project,
      },
      now,
    );
    await seedActivity(
      tx,
      tenantId,
      {
        i: 21,
        site: s.centre,
        start: today + 5 * DAY,
        people: ids.slice(0, 3),
        confirmer,
        project: null,
      },
      now,
    );
    await tx.execute(sql`UPDATE volunteer v SET confirmed_hours = x.h FROM (
        SELECT volunteer_id, sum(hours) AS h FROM activity_signup WHERE tenant_id = ${tenantId} AND hours_status = 'confirmed'
        GROUP BY volunteer_id) x
      WHERE v.tenant_id = ${tenantId} AND v.id = x.volunteer_id`);
  });
}
