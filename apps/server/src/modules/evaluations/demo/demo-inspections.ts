// Deterministic monthly inspections for the demo's evaluations (the three months before the seed's month): a few points in every
// street that has none yet, one closed plan per month over all points, one inspection per point and month.
// Results come from a fixed-seed generator per street, month, point and standard, so trends are stable.
import { addMonths, shanghaiMonth } from '../../../platform/clock';
import { type PointType, type ScoringRule, earnedCents, scoreInspection } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { buildSearchText } from '../../../platform/search-text';
import type { FileStore } from '../../../platform/files';
import { type DemoPhotoKind, demoPhoto, findingNoteFor, photoKindOf } from '../../../demo/demo-photos';
import { loadChecklist } from '../../inspections';

/** The three whole months before the month of `now`, oldest first: the months the demo evaluates. */
export function demoMonths(now: Date): string[] {
  const current = shanghaiMonth(now);
  return [-3, -2, -1].map((k) => addMonths(current, k));
}
const EXTRA_TYPES: PointType[] = ['residential', 'main_road', 'market'];

/** mulberry32 over a string seed: the same seed always gives the same numbers. */
export function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoPointRow {
  id: string;
  name: string;
  point_type: PointType;
  region_code: string;
  street: string;
}

/** Three points in the first village of every street without points, so that every street can be ranked. */
async function addStreetPoints(db: Db, tenantId: string): Promise<void> {
  const empty = await db.execute(sql`SELECT s.code, s.name,
      (SELECT v.code FROM region v WHERE v.tenant_id = s.tenant_id AND v.parent_code = s.code ORDER BY v.code LIMIT 1) AS village
    FROM region s WHERE s.tenant_id = ${tenantId} AND s.level = 'township'
      AND NOT EXISTS (SELECT 1 FROM point p JOIN region r ON r.tenant_id = p.tenant_id AND r.code = p.region_code
        WHERE p.tenant_id = s.tenant_id AND r.path <@ s.path)
    ORDER BY s.code`);
  const rows = (empty.rows as Array<{ code: string; name: string; village: string | null }>).flatMap((s) =>
    EXTRA_TYPES.map((type, k) => {
      const name = `${s.name}${['幸福里小区', '主街', '农贸市场'][k]}`;
      return { id: newId(), name, type, region: s.village ?? s.code, search: buildSearchText(name, s.name) };
    }),
  );
  if (!rows.length) return;
  await db.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code, search_text)
    SELECT ${tenantId}, x.id, x.name, x.type, x.region, x.search
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, name text, type text, region text, search text)`);
}

async function demoPoints(db: Db, tenantId: string): Promise<DemoPointRow[]> {
  const res = await db.execute(sql`SELECT p.id, p.name, p.point_type, p.region_code,
      (SELECT s.code FROM region s WHERE s.tenant_id = r.tenant_id AND s.level = 'township' AND r.path <@ s.path LIMIT 1) AS street
    FROM point p JOIN region r ON r.tenant_id = p.tenant_id AND r.code = p.region_code
    WHERE p.tenant_id = ${tenantId} ORDER BY p.name, p.id`);
  return res.rows as unknown as DemoPointRow[];
}

/** A street's chance that a standard is met in month m (0, 1, 2): a base level and a drift up or down. */
export function quality(street: string, m: number): number {
  const r = seeded(`street-${street}`);
  const base = 0.6 + r() * 0.33;
  const drift = (r() - 0.45) * 0.12;
  return Math.min(0.99, Math.max(0.35, base + drift * m));
}

/** One closed plan with one inspection per point for a month; observations scored by the framework's rules. */
async function seedMonth(
  db: Db,
  tenantId: string,
  frameworkId: string,
  month: string,
  m: number,
  inspector: string | null,
  photos: PhotoPool,
) {
  const planId = newId();
  const [y, mm] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
  await db.execute(sql`INSERT INTO inspection_plan (tenant_id, id, name, framework_id, kind, period, start_date, end_date,
      region_code, status, note, published_at, closed_at)
    VALUES (${tenantId}, ${planId}, ${`${y}年${mm}月月度考评实地测评`}, ${frameworkId}, 'field_eval', ${month},
      ${`${month}-01`}, ${end}, '6203', 'closed', '演示数据：月度考评（固定种子生成）', ${`${month}-01T01:00:00Z`}, ${`${end}T10:00:00Z`})`);
  const points = await demoPoints(db, tenantId);
  const negatives = await db.execute(sql`SELECT id FROM negative_item WHERE tenant_id = ${tenantId}
    AND framework_id = ${frameworkId} AND effect = 'deduct' ORDER BY position LIMIT 1`);
  const deductItem = (negatives.rows[0] as { id: string } | undefined)?.id;
  const inspections: unknown[] = [];
  const observations: unknown[] = [];
  const planPoints: unknown[] = [];
  for (const [k, p] of points.entries()) {
    planPoints.push({ point: p.id, position: k });
    const list = await loadChecklist(db, tenantId, frameworkId, p.point_type);
    const rnd = seeded(`${month}|${p.name}|${p.point_type}`);
    const q = quality(p.street ?? p.region_code, m);
    const id = newId();
    const obs = list.standards.map((s, pos) => {
      const x = rnd();
      const result = x < 0.05 ? 'na' : x < 0.05 + q * 0.95 ? 'met' : 'not_met';
      const earned = earnedCents(
        { id: s.id, points: s.points, scoringRule: s.scoringRule as ScoringRule },
        { indicatorId: s.id, result, findingCount: 1 },
      );
      // A finding says what was wrong in the standard's own terms, and has the photo taken of it.
      const note = result === 'not_met' ? findingNoteFor(s, k + pos) : null;
      const photo = note ? photos.next(note, `${p.name}-问题照片.png`) : null;
      return {
        id: newId(),
        inspection: id,
        indicator: s.id,
        pos,
        result,
        note,
        photo,
        earned: earned === null ? null : earned / 100,
      };
    });
    const negative =
      deductItem && rnd() < 0.04 ? [{ negativeItemId: deductItem, note: '演示：负面清单扣分', photoFileIds: [] }] : [];
    const score = scoreInspection(
      list.standards.map((s) => ({ id: s.id, points: s.points, scoringRule: s.scoringRule as ScoringRule })),
      obs.map((o) => ({ indicatorId: o.indicator, result: o.result as 'met' | 'not_met' | 'na', findingCount: 1 })),
      negative.length ? [{ effect: 'deduct', deduction: 10 }] : [],
    );
    const day = 2 + Math.floor(rnd() * 25);
    const at = `${month}-${String(day).padStart(2, '0')}T0${1 + (k % 8)}:${String(k % 60).padStart(2, '0')}:00Z`;
    inspections.push({
      id,
      point: p.id,
      type: p.point_type,
      region: p.region_code,
      at,
      earned: score.earned,
      applicable: score.applicable,
      neg: score.negativeDeduction,
      score: score.score,
      negatives: negative,
      findings: obs.filter((o) => o.result === 'not_met').length,
    });
    observations.push(...obs);
    for (const o of obs) if (o.photo) o.photo.at = at;
  }
  await photos.insert(db, inspector);
  await db.execute(sql`INSERT INTO inspection_plan_point (tenant_id, plan_id, point_id, position)
    SELECT ${tenantId}, ${planId}, x.point, x.position FROM jsonb_to_recordset(${JSON.stringify(planPoints)}::jsonb) AS x(point uuid, position int)`);
  await db.execute(sql`INSERT INTO inspection (tenant_id, id, plan_id, point_id, framework_id, point_type, region_code,
      inspector_id, started_at, submitted_at, client_time, received_at, note, score, earned, applicable, negative_deduction,
      negative_items, finding_count)
    SELECT ${tenantId}, x.id, ${planId}, x.point, ${frameworkId}, x.type, x.region, ${inspector}, x.at - interval '25 minutes',
      x.at, x.at, x.at, '演示数据', x.score, x.earned, x.applicable, x.neg, x.negatives, x.findings
    FROM jsonb_to_recordset(${JSON.stringify(inspections)}::jsonb) AS x(id uuid, point uuid, type text, region text,
      at timestamptz, earned numeric, applicable numeric, neg numeric, score numeric, negatives jsonb, findings int)`);
  const rows = (observations as Array<{ photo: { id: string } | null }>).map((o) => ({
    ...o,
    photo: o.photo?.id ?? null,
  }));
  await db.execute(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position, result, note, earned,
      photo_file_ids, submitted_at)
    SELECT ${tenantId}, x.id, x.inspection, x.indicator, x.pos, x.result, x.note, x.earned,
      CASE WHEN x.photo IS NULL THEN '{}'::uuid[] ELSE ARRAY[x.photo] END, i.submitted_at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, inspection uuid, indicator uuid, pos int,
      result text, note text, photo uuid, earned numeric)
    JOIN inspection i ON i.tenant_id = ${tenantId} AND i.id = x.inspection`);
}

const DEVICE = '演示手机（督查组）';

interface PendingPhoto {
  id: string;
  kind: DemoPhotoKind;
  variant: number;
  name: string;
  at: string;
}

/**
 * The photos of the monthly findings: a few generated images of each kind, stored once (content-addressed), and a
 * file of its own for every finding (its name and the time it was taken), inserted in bulk per month.
 */
class PhotoPool {
  /** SHA-256 of each stored image, by `kind-variant`. */
  private readonly shaOf = new Map<string, string>();
  private pending: PendingPhoto[] = [];
  private count = 0;
  constructor(
    private readonly files: FileStore,
    private readonly tenantId: string,
  ) {}

  next(note: string, name: string): PendingPhoto {
    const photo = { id: newId(), kind: photoKindOf(note), variant: this.count++ % 3, name, at: '' };
    this.pending.push(photo);
    return photo;
  }

  /** Stores the images not stored yet (the first finding of each keeps the saved file), then the other files. */
  async insert(db: Db, inspector: string | null): Promise<void> {
    const rows: { id: string; sha: string; name: string; at: string }[] = [];
    for (const p of this.pending) {
      const key = `${p.kind}-${p.variant}`;
      const sha = this.shaOf.get(key);
      if (sha) {
        rows.push({ id: p.id, sha, name: p.name, at: p.at });
        continue;
      }
      const actor = { tenantId: this.tenantId, accountId: inspector } as Parameters<FileStore['save']>[1];
      const bytes = demoPhoto(`monthly-${p.variant}`, p.kind, 'before');
      const meta = { id: p.id, name: p.name, purpose: 'inspection-photo', clientTime: new Date(p.at), device: DEVICE };
      this.shaOf.set(key, (await this.files.save(db, actor, bytes, meta, ['image/png'])).sha256);
    }
    if (rows.length)
      await db.execute(sql`INSERT INTO file (tenant_id, id, sha256, name, purpose, uploaded_by, client_time, received_at, device)
        SELECT ${this.tenantId}, x.id, x.sha, x.name, 'inspection-photo', ${inspector}::uuid, x.at, x.at, ${DEVICE}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, sha text, name text, at timestamptz)`);
    this.pending = [];
  }
}

/** Points for every street and three months of inspections, each finding with its photo. */
export async function seedEvaluationInspections(
  db: Db,
  files: FileStore,
  tenantId: string,
  frameworkId: string,
  months: string[],
): Promise<void> {
  await addStreetPoints(db, tenantId);
  const inspector = (
    await db.execute(sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'inspector'`)
  ).rows[0] as { id: string } | undefined;
  const photos = new PhotoPool(files, tenantId);
  for (const [m, month] of months.entries())
    await seedMonth(db, tenantId, frameworkId, month, m, inspector?.id ?? null, photos);
}
