// mySociety's request-updates extension: GET servicerequestupdates lists the steps of the rectification in a window
// (each transition is an update, with the extended status), POST lets a client add an update to a request, which
// is kept beside the history as a comment and never moves the problem's state.
import { type ProblemAction, type ProblemStatus, open311StatusOf, problemActionLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import { type Open311Caller, type Open311Params, clientActor, param, visibleToCaller } from './open311-caller';
import { touchClient } from './open311-clients.service';
import { Open311Error, open311Datetime, parseOpen311Datetime } from './open311-format';
import { dateRange } from './open311-requests.service';

const MAX_RESULTS = 1000;
const CLIENT_STATUSES = new Set([
  'open',
  'closed',
  'fixed',
  'in_progress',
  'action_scheduled',
  'investigating',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
]);

/** GET servicerequestupdates: the transitions of visible requests between start_date and end_date, oldest first. */
export async function listRequestUpdates(ctx: AppContext, caller: Open311Caller, p: Open311Params) {
  const { start, end } = dateRange(p, caller.now);
  const res = await ctx.db.execute(sql`SELECT t.id, p.number, t.action, t.to_status, t.reason, t.at
    FROM problem_transition t JOIN problem p ON p.tenant_id = t.tenant_id AND p.id = t.problem_id
    WHERE t.tenant_id = ${caller.tenantId} AND t.action <> 'create' AND ${visibleToCaller(caller)}
      AND t.at BETWEEN ${start.toISOString()}::timestamptz AND ${end.toISOString()}::timestamptz
    ORDER BY t.at, t.id LIMIT ${MAX_RESULTS}`);
  return (res.rows as any[]).map((r) => ({
    update_id: r.id,
    service_request_id: r.number,
    status: open311StatusOf[r.to_status as ProblemStatus].extended,
    updated_datetime: open311Datetime(r.at),
    description: [problemActionLabels[r.action as ProblemAction] ?? r.action, r.reason].filter(Boolean).join('：'),
    media_url: '',
    external_status_code: r.to_status,
  }));
}

function required(p: Open311Params, name: string): string {
  const v = param(p, name);
  if (!v) throw new Open311Error(400, `${name} was not provided`);
  return v;
}

interface ClientUpdate {
  number: string;
  clientUpdateId: string;
  status: string;
  at: Date;
  description: string;
  mediaUrl: string | null;
  author: string | null;
  contact: string | null;
}

/** The fields of a POSTed update, each required one named in the 400 when missing or wrong. */
function readUpdate(p: Open311Params): ClientUpdate {
  const status = required(p, 'status').toLowerCase();
  if (!CLIENT_STATUSES.has(status)) throw new Open311Error(400, `status ${status} is not valid`);
  const mediaUrl = param(p, 'media_url') ?? null;
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL');
  return {
    number: required(p, 'service_request_id'),
    clientUpdateId: required(p, 'update_id').slice(0, 200),
    status,
    at: parseOpen311Datetime('updated_datetime', required(p, 'updated_datetime'))!,
    description: required(p, 'description').slice(0, 4000),
    mediaUrl,
    author: [param(p, 'last_name'), param(p, 'first_name')].filter(Boolean).join('') || null,
    contact: param(p, 'phone') ?? param(p, 'email') ?? null,
  };
}

/** Insert the update unless the client sent it before; our id either way. */
async function storeUpdate(ctx: AppContext, caller: Open311Caller, problemId: string, u: ClientUpdate) {
  const clientId = caller.client!.id;
  return ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO open311_update (tenant_id, id, problem_id, client_id, client_update_id,
        status, description, media_url, author_name, author_contact_enc, updated_datetime)
      VALUES (${caller.tenantId}, ${newId()}, ${problemId}, ${clientId}, ${u.clientUpdateId}, ${u.status},
        ${u.description}, ${u.mediaUrl}, ${u.author}, ${u.contact ? ctx.cipher.encrypt(u.contact) : null},
        ${u.at.toISOString()})
      ON CONFLICT (tenant_id, client_id, client_update_id) DO NOTHING RETURNING id`);
    const inserted = res.rows[0] as { id: string } | undefined;
    if (!inserted) {
      const same = await tx.execute(sql`SELECT id, problem_id FROM open311_update WHERE tenant_id = ${caller.tenantId}
        AND client_id = ${clientId} AND client_update_id = ${u.clientUpdateId}`);
      const row = same.rows[0] as { id: string; problem_id: string };
      if (row.problem_id !== problemId)
        throw new Open311Error(400, `update_id ${u.clientUpdateId} belongs to another request`);
      return row.id;
    }
    const { contact: _c, author: _a, ...logged } = u;
    await writeAudit(tx, clientActor(caller), {
      action: 'problem.open311_update',
      objectType: 'problem',
      objectId: problemId,
      after: { updateId: inserted.id, ...logged },
    });
    return inserted.id;
  });
}

/** POST servicerequestupdates: store a client's update once (by its update_id); answers our update_id. */
export async function addRequestUpdate(ctx: AppContext, caller: Open311Caller, p: Open311Params) {
  const u = readUpdate(p);
  const found = await ctx.db.execute(sql`SELECT p.id FROM problem p
    WHERE p.tenant_id = ${caller.tenantId} AND p.number = ${u.number} AND ${visibleToCaller(caller)}`);
  const problem = found.rows[0] as { id: string } | undefined;
  if (!problem) throw new Open311Error(404, `service_request_id ${u.number} not found`);
  const id = await storeUpdate(ctx, caller, problem.id, u);
  await touchClient(ctx.db, caller.tenantId, caller.client!.id, caller.now);
  return [{ update_id: id }];
}
