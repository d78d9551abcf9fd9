// The checklist of a point: the framework's standards (leaf indicators) that apply to its type and are
// checked on site. Published frameworks never change, so their checklists are kept in memory.
import type {
  AssessmentMethod,
  ChecklistNegativeItem,
  ChecklistStandard,
  ChecklistView,
  PointType,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { findResponsibleUnits } from '../org';
import { loadTarget } from './inspection-target';
import { requireAnyInspectionPermission } from './inspection.policy';

/** Methods of a standard checked at a point; document reviews, surveys and reports are not. */
const ON_SITE: readonly AssessmentMethod[] = ['field', 'observation'];

export interface Checklist {
  frameworkName: string;
  standards: ChecklistStandard[];
  byId: Map<string, ChecklistStandard>;
  negativeItems: ChecklistNegativeItem[];
  negativeById: Map<string, ChecklistNegativeItem>;
  totalPoints: number;
}

interface FrameworkChecklists {
  name: string;
  leaves: ChecklistStandard[];
  negativeItems: ChecklistNegativeItem[];
  byType: Map<PointType, Checklist>;
}

const MAX_CACHED = 200;
const cache = new Map<string, FrameworkChecklists>();

async function loadFramework(db: Db, tenantId: string, frameworkId: string) {
  const res = await db.execute(sql`SELECT f.name, f.status, COALESCE((SELECT json_agg(json_build_object('id', i.id,
      'parentId', i.parent_id, 'code', i.code, 'name', i.name, 'standard', i.standard, 'points', i.points,
      'methods', i.methods, 'pointTypes', i.point_types, 'scoringRule', i.scoring_rule) ORDER BY i.depth, i.position, i.code)
      FROM indicator i WHERE i.tenant_id = f.tenant_id AND i.framework_id = f.id), '[]'::json) AS nodes,
    COALESCE((SELECT json_agg(json_build_object('id', n.id, 'code', n.code, 'name', n.name, 'effect', n.effect,
      'deduction', n.deduction) ORDER BY n.position, n.code)
      FROM negative_item n WHERE n.tenant_id = f.tenant_id AND n.framework_id = f.id), '[]'::json) AS negatives
    FROM framework f WHERE f.tenant_id = ${tenantId} AND f.id = ${frameworkId}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('FRAMEWORK_NOT_FOUND');
  const nodes = (typeof r.nodes === 'string' ? JSON.parse(r.nodes) : r.nodes) as any[];
  const negatives = (typeof r.negatives === 'string' ? JSON.parse(r.negatives) : r.negatives) as any[];
  const fw: FrameworkChecklists = {
    name: r.name,
    leaves: leavesInTreeOrder(nodes),
    negativeItems: negatives.map((n) => ({ ...n, deduction: n.deduction === null ? null : Number(n.deduction) })),
    byType: new Map(),
  };
  return { fw, isDraft: r.status === 'draft' };
}

/** Leaves of the tree in reading order (depth first by position), each with its ancestors' names. */
function leavesInTreeOrder(nodes: any[]): ChecklistStandard[] {
  const children = new Map<string | null, any[]>();
  for (const n of nodes) {
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  const out: ChecklistStandard[] = [];
  const visit = (n: any, path: string[]) => {
    const kids = children.get(n.id) ?? [];
    if (kids.length === 0) {
      const { parentId: _p, ...rest } = n;
      out.push({ ...rest, points: Number(n.points ?? 0), path });
    } else for (const k of kids) visit(k, [...path, n.name]);
  };
  for (const root of children.get(null) ?? []) visit(root, []);
  return out;
}

function checklistFor(fw: FrameworkChecklists, pointType: PointType): Checklist {
  const hit = fw.byType.get(pointType);
  if (hit) return hit;
  const standards = fw.leaves.filter(
    (s) =>
      (s.pointTypes.length === 0 || s.pointTypes.includes(pointType)) &&
      (s.methods.length === 0 || s.methods.some((m) => ON_SITE.includes(m))),
  );
  const list: Checklist = {
    frameworkName: fw.name,
    standards,
    byId: new Map(standards.map((s) => [s.id, s])),
    negativeItems: fw.negativeItems,
    negativeById: new Map(fw.negativeItems.map((n) => [n.id, n])),
    totalPoints: Math.round(standards.reduce((sum, s) => sum + s.points * 100, 0)) / 100,
  };
  fw.byType.set(pointType, list);
  return list;
}

/** The checklist of a framework for a point type; published frameworks are read once per process. */
export async function loadChecklist(db: Db, tenantId: string, frameworkId: string, pointType: PointType) {
  const key = `${tenantId}:${frameworkId}`;
  const cached = cache.get(key);
  if (cached) return checklistFor(cached, pointType);
  const { fw, isDraft } = await loadFramework(db, tenantId, frameworkId);
  // Drafts still change; only immutable (published or superseded) frameworks are kept.
  if (!isDraft) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, fw);
  }
  return checklistFor(fw, pointType);
}

/** GET /points/:id/checklist?planId=: what an inspector checks at this point in this plan. */
export async function getChecklist(db: Db, actor: Actor, pointId: string, planId: string): Promise<ChecklistView> {
  requireAnyInspectionPermission(actor);
  const t = await loadTarget(db, actor, planId, pointId);
  if (!t.plan?.readable) throw fail('INSPECTION_PLAN_NOT_FOUND');
  // The point's name and address only to its planner, its assigned team, or a reader of the point itself:
  // a member of another team of the plan, or a reader of some other point, gets the same 404 as for no point.
  if (!t.point || !(t.plan.isPlanner || t.point.isAssigned || t.point.isReadable)) throw fail('POINT_NOT_FOUND');
  const list = await loadChecklist(db, actor.tenantId, t.plan.frameworkId, t.point.pointType);
  const units = await findResponsibleUnits(db, actor.tenantId, { pointId });
  const names = units.length
    ? await db.execute(sql`SELECT id, name FROM unit WHERE tenant_id = ${actor.tenantId}
        AND id = ANY(${sql.param(units.map((u) => u.unitId))}::uuid[]) ORDER BY name`)
    : { rows: [] };
  const { plan, point } = t;
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      kind: plan.kind,
      frameworkId: plan.frameworkId,
      frameworkName: list.frameworkName,
    },
    point: {
      ...{ id: point.id, name: point.name, pointType: point.pointType, regionCode: point.regionCode },
      ...{ address: point.address, lat: point.lat, lng: point.lng },
      responsibleUnits: names.rows.map((r: any) => ({ id: r.id, name: r.name })),
    },
    standards: list.standards,
    negativeItems: list.negativeItems,
    totalPoints: list.totalPoints,
  };
}
