// Writing checked submissions. Every audited write of a tenant waits for the lock on its audit chain's
// head, held until commit, so one transaction per submission would serialise them behind one WAL flush
// each. Instead, submissions arriving while a transaction commits are written together in the next one:
// a few multi-row statements and one flush for the whole batch (group commit).
import type { InspectionSubmitBody } from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import { fail } from '../../platform/errors';
import { type IdempotencyKey, insertFinishedAnswers } from '../../platform/idempotency';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import type { Checklist } from './checklist.service';
import { raiseFindings } from './findings';
import { appendAuditEvents } from './inspection-audit';
import type { TargetPoint } from './inspection-target';
import {
  type InspectionRow,
  type ObservationRow,
  insertInspections,
  insertObservations,
} from './inspection.repository';
import { pauseForTest } from '../../platform/test-pause';

export interface SubmissionItem {
  actor: Actor;
  row: InspectionRow;
  body: InspectionSubmitBody;
  list: Checklist;
  point: TargetPoint;
  /** The observation rows of the submission, given the problems raised for its findings. */
  observations: (problemOf: (observationId: string) => string | null) => ObservationRow[];
  audit: Record<string, unknown>;
  /** The request's Idempotency-Key and its answer once written: stored in the same transaction. */
  answer?: { idem: IdempotencyKey; body: (w: Written) => unknown };
}
export interface Written {
  times: { receivedAt: string; updatedAt: string };
  obs: ObservationRow[];
}

const MAX_BATCH = 100;

/** Write a batch in the caller's transaction; null for items whose id was stored before (or earlier in the batch). */
async function writeBatch(tx: Db, ctx: AppContext, items: SubmissionItem[]): Promise<(Written | null)[]> {
  const firsts = items.filter((it, i) => items.findIndex((x) => x.row.id === it.row.id) === i);
  const stored = await insertInspections(
    tx,
    items[0].actor.tenantId,
    firsts.map((it) => it.row),
  );
  const fresh = firsts.filter((it) => stored.has(it.row.id));
  const problems = new Map<string, string>();
  for (const it of fresh) {
    if (!it.row.findingCount) continue;
    const place = {
      inspectionId: it.row.id,
      pointId: it.point.id,
      gridId: it.point.gridId,
      regionCode: it.point.regionCode,
    };
    for (const [o, p] of await raiseFindings(tx, ctx, it.actor, place, it.list, it.body.observations))
      problems.set(o, p);
  }
  const obs = new Map(fresh.map((it) => [it.row.id, it.observations((o) => problems.get(o) ?? null)]));
  await insertObservations(tx, items[0].actor.tenantId, [...obs.values()].flat());
  await pauseForTest('inspection.batch'); // inspections, problems and observations written; audit and answers not
  const input = (it: SubmissionItem) => ({
    action: 'inspection.submit',
    objectType: 'inspection',
    objectId: it.row.id,
    after: it.audit,
  });
  await appendAuditEvents(
    tx,
    fresh.map((it) => ({ actor: it.actor, input: input(it) })),
  );
  const results = items.map((it) => {
    const written = stored.get(it.row.id);
    if (!written || !fresh.includes(it)) return null;
    return { times: written, obs: obs.get(it.row.id)! };
  });
  const answers = items.flatMap((it, i) => {
    const w = results[i];
    if (!w || !it.answer) return [];
    return [{ idem: it.answer.idem, statusCode: 201, response: JSON.stringify(it.answer.body(w)) }];
  });
  // A key stored before for another request: refused (the batch is rolled back and written again without it).
  if ((await insertFinishedAnswers(tx, answers)).size) throw fail('IDEMPOTENCY_KEY_REUSED');
  return results;
}

interface Pending {
  item: SubmissionItem;
  resolve: (w: Written | null) => void;
  reject: (err: unknown) => void;
}

/** The batching writer of one tenant in one process. */
class SubmissionWriter {
  private queue: Pending[] = [];
  private busy = false;

  constructor(private readonly ctx: AppContext) {}

  write(item: SubmissionItem): Promise<Written | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain() {
    this.busy = true;
    try {
      while (this.queue.length) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.busy = false;
    }
  }

  private async commit(batch: Pending[]) {
    const run = (items: SubmissionItem[]) => this.ctx.db.transaction((tx) => writeBatch(tx, this.ctx, items));
    try {
      const results = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        p.resolve(results[i]);
      });
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      // One of them failed, and took the batch with it: each again on its own, so the error reaches its request only.
      for (const p of batch) await run([p.item]).then((r) => p.resolve(r[0]), p.reject);
    }
  }
}

const writers = new WeakMap<Db, Map<string, SubmissionWriter>>();

/** Write a checked submission (inspection, findings as problems, observations, audit) with others arriving now. */
export function writeSubmission(ctx: AppContext, item: SubmissionItem): Promise<Written | null> {
  const byTenant = writers.get(ctx.db) ?? new Map<string, SubmissionWriter>();
  writers.set(ctx.db, byTenant);
  const writer = byTenant.get(item.actor.tenantId) ?? new SubmissionWriter(ctx);
  byTenant.set(item.actor.tenantId, writer);
  return writer.write(item);
}
