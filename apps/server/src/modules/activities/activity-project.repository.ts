// SQL of projects (品牌项目): their rows with the activity count, names for the project page, its activities, writes.
import type { ProjectDetailView, ProjectView } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { maybeOne, rows, sqlTime } from '../../platform/sql';
import { iso } from '../../platform/clock';

interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  site_id: string | null;
  team_id: string | null;
  region_code: string;
  is_brand: boolean;
  version: number;
  activity_count: number;
}
interface ProjectDetailRow extends ProjectRow {
  site_name: string | null;
  team_name: string | null;
  region_name: string | null;
  created_at: string | Date;
  updated_at: string | Date | null;
}
interface ProjectActivityRow {
  id: string;
  title: string;
  type: string;
  status: string;
  starts_at: string | Date;
  ends_at: string | Date;
  signed_up_count: number;
}

const columns = sql`a.id, a.name, a.description, a.site_id, a.team_id, a.region_code, a.is_brand, a.version,
  (SELECT count(*)::int FROM activity x WHERE x.tenant_id = a.tenant_id AND x.project_id = a.id) AS activity_count`;

const toView = (r: ProjectRow): ProjectView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  siteId: r.site_id,
  teamId: r.team_id,
  regionCode: r.region_code,
  isBrand: !!r.is_brand,
  activityCount: Number(r.activity_count),
  version: Number(r.version),
});

/** Projects (alias `a`) matching `scope`, brand projects first, by name (at most 500). */
export async function selectProjects(db: Db, tenantId: string, scope: SQL): Promise<ProjectView[]> {
  const found = await rows<ProjectRow>(
    db,
    sql`SELECT ${columns} FROM activity_project a
    WHERE a.tenant_id = ${tenantId} AND ${scope} ORDER BY a.is_brand DESC, a.name LIMIT 500`,
  );
  return found.map(toView);
}

/** One project (alias `a`) matching `scope`, with the names of its site, team and region; null when none. */
export async function selectProject(
  db: Db,
  tenantId: string,
  id: string,
  scope: SQL,
): Promise<Omit<ProjectDetailView, 'activities'> | null> {
  const r = await maybeOne<ProjectDetailRow>(
    db,
    sql`SELECT ${columns}, s.name AS site_name, tm.name AS team_name, rg.name AS region_name, a.created_at, a.updated_at
    FROM activity_project a
    LEFT JOIN practice_site s ON s.tenant_id = a.tenant_id AND s.id = a.site_id
    LEFT JOIN volunteer_team tm ON tm.tenant_id = a.tenant_id AND tm.id = a.team_id
    LEFT JOIN region rg ON rg.tenant_id = a.tenant_id AND rg.code = a.region_code
    WHERE a.tenant_id = ${tenantId} AND a.id = ${id} AND ${scope}`,
  );
  if (!r) return null;
  return {
    ...toView(r),
    siteName: r.site_name,
    teamName: r.team_name,
    regionName: r.region_name,
    createdAt: iso(r.created_at),
    updatedAt: r.updated_at ? iso(r.updated_at) : null,
  };
}

/** The project's activities, latest first (at most 200). */
export async function selectProjectActivities(
  db: Db,
  tenantId: string,
  projectId: string,
): Promise<ProjectDetailView['activities']> {
  const found = await rows<ProjectActivityRow>(
    db,
    sql`SELECT a.id, a.title, a.type, a.status, a.starts_at, a.ends_at,
      (SELECT count(*)::int FROM activity_signup su WHERE su.tenant_id = a.tenant_id AND su.activity_id = a.id
        AND su.status = 'signed_up') AS signed_up_count
    FROM activity a WHERE a.tenant_id = ${tenantId} AND a.project_id = ${projectId}
    ORDER BY a.starts_at DESC, a.id LIMIT 200`,
  );
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    signedUpCount: Number(r.signed_up_count),
  }));
}

export interface ProjectFields {
  name: string;
  description: string | null;
  siteId: string | null;
  teamId: string | null;
  regionCode: string;
  isBrand: boolean;
}

export async function insertProject(db: Db, tenantId: string, id: string, f: ProjectFields): Promise<void> {
  await db.execute(sql`INSERT INTO activity_project (tenant_id, id, name, description, site_id, team_id, region_code, is_brand)
    VALUES (${tenantId}, ${id}, ${f.name}, ${f.description}, ${f.siteId}, ${f.teamId}, ${f.regionCode}, ${f.isBrand})`);
}

/** Writes the fields when the version still matches; false when it does not (someone saved first). */
export async function updateProjectRow(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  f: ProjectFields,
  at: Date,
): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE activity_project SET name = ${f.name}, description = ${f.description}, site_id = ${f.siteId},
      team_id = ${f.teamId}, region_code = ${f.regionCode}, is_brand = ${f.isBrand}, version = version + 1,
      updated_at = ${sqlTime(at)}
    WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version} RETURNING id`,
  );
  return res.length > 0;
}
