// GeoReport v2 service requests: create (a problem from a client, routed like any other), list with the spec's
// filters and defaults (last 90 days, at most 1000), one request, and tokens.
import {
  type Open311Attribute,
  type Open311Status,
  type ProblemStatus,
  open311StatusOf,
  problemStatusLabels,
  problemStatusesFor,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { randomToken } from '../../platform/ids';
import { allOf } from '../../platform/paging';
import { createProblemInTx, findCategories, findNearestGrid, getProblemSettings } from '../problems';
import { type Open311Caller, type Open311Params, clientActor, param, visibleToCaller } from './open311-caller';
import { touchClient } from './open311-clients.service';
import { Open311Error, open311Datetime, parseOpen311Datetime } from './open311-format';
import { attributeValues } from './open311-attributes';

const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;

const requestColumns = sql`p.id, p.number, p.status, p.category, c.name AS service_name, p.description,
  u.name AS unit_name, p.created_at, p.updated_at, p.deadline_at, p.address, p.lat, p.lng, p.media_url,
  (SELECT t.reason FROM problem_transition t WHERE t.tenant_id = p.tenant_id AND t.problem_id = p.id
    ORDER BY t.at DESC, t.id DESC LIMIT 1) AS last_reason`;
const requestFrom = sql`problem p JOIN problem_category c ON c.tenant_id = p.tenant_id AND c.code = p.category
  LEFT JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.assigned_unit_id`;

function serviceNotice(deadline: unknown): string {
  return deadline
    ? `已派至责任单位，整改时限为${open311Datetime(deadline)!.slice(0, 16).replace('T', ' ')}（北京时间）`
    : '已受理，待文明办派单';
}

/** A problem row as a GeoReport request, rectification states mapped onto open/closed plus notes. */
function toRequest(r: any, caller: Open311Caller) {
  const status = r.status as ProblemStatus;
  return {
    service_request_id: r.number,
    status: open311StatusOf[status].status,
    status_notes: [problemStatusLabels[status], r.last_reason].filter(Boolean).join('：'),
    service_name: r.service_name,
    service_code: r.category,
    description: r.description,
    agency_responsible: r.unit_name ?? `${caller.tenantName}文明办`,
    service_notice: serviceNotice(r.deadline_at),
    requested_datetime: open311Datetime(r.created_at),
    updated_datetime: open311Datetime(r.updated_at),
    expected_datetime: open311Datetime(r.deadline_at),
    address: r.address ?? '',
    address_id: null,
    zipcode: null,
    lat: r.lat === null ? null : Number(r.lat),
    long: r.lng === null ? null : Number(r.lng),
    media_url: r.media_url ?? '',
  };
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The date range of a search: both given, one given, or the last 90 days; longer than 90 days is a 400. */
export function dateRange(p: Open311Params, now: Date): { start: Date; end: Date } {
  const start = parseOpen311Datetime('start_date', param(p, 'start_date'));
  const end = parseOpen311Datetime('end_date', param(p, 'end_date'));
  const span = DEFAULT_DAYS * 86_400_000;
  const e = end ?? (start ? new Date(start.getTime() + span) : now);
  const s = start ?? new Date(e.getTime() - span);
  if (s > e) throw new Open311Error(400, 'start_date is after end_date');
  if (e.getTime() - s.getTime() > span)
    throw new Open311Error(400, 'start_date and end_date may not span more than 90 days');
  return { start: s, end: e };
}

function searchFilters(p: Open311Params, now: Date): SQL {
  const ids = list(param(p, 'service_request_id'));
  // With service_request_id the other parameters are ignored, as the spec says.
  if (ids.length) return sql`p.number = ANY(${sql.param(ids)}::text[])`;
  const codes = list(param(p, 'service_code'));
  const statuses = list(param(p, 'status')).map((s) => s.toLowerCase());
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw new Open311Error(400, 'status must be open or closed');
  const states = statuses.flatMap((s) => problemStatusesFor(s as Open311Status));
  const { start, end } = dateRange(p, now);
  return allOf(
    codes.length ? sql`p.category = ANY(${sql.param(codes)}::text[])` : null,
    states.length ? sql`p.status = ANY(${sql.param(states)}::text[])` : null,
    sql`p.created_at BETWEEN ${start.toISOString()}::timestamptz AND ${end.toISOString()}::timestamptz`,
  );
}

/** GET requests: the spec's filters and defaults, newest first, at most 1000. */
export async function listRequests(ctx: AppContext, caller: Open311Caller, p: Open311Params) {
  const res = await ctx.db.execute(sql`SELECT ${requestColumns} FROM ${requestFrom}
    WHERE p.tenant_id = ${caller.tenantId} AND ${visibleToCaller(caller)} AND ${searchFilters(p, caller.now)}
    ORDER BY p.created_at DESC, p.id DESC LIMIT ${MAX_RESULTS}`);
  return res.rows.map((r) => toRequest(r, caller));
}

/** GET requests/{id}: one request (in an array, as the spec answers); 404 when unknown or not visible. */
export async function getRequest(ctx: AppContext, caller: Open311Caller, id: string) {
  const res = await ctx.db.execute(sql`SELECT ${requestColumns} FROM ${requestFrom}
    WHERE p.tenant_id = ${caller.tenantId} AND p.number = ${id} AND ${visibleToCaller(caller)}`);
  if (!res.rows[0]) throw new Open311Error(404, `service_request_id ${id} not found`);
  return [toRequest(res.rows[0], caller)];
}

/** GET tokens/{token}: the request created under a token. */
export async function getToken(ctx: AppContext, caller: Open311Caller, token: string) {
  const res = await ctx.db.execute(sql`SELECT p.number FROM open311_token t
    JOIN problem p ON p.tenant_id = t.tenant_id AND p.id = t.problem_id
    WHERE t.tenant_id = ${caller.tenantId} AND t.token = ${token}`);
  const r = res.rows[0] as { number: string } | undefined;
  if (!r) throw new Open311Error(404, `token ${token} not found`);
  return [{ service_request_id: r.number, token }];
}

function location(p: Open311Params): { lat: number | null; lng: number | null; address: string | null } {
  const [lat, lng, address] = [param(p, 'lat'), param(p, 'long'), param(p, 'address_string')];
  if (lat !== undefined || lng !== undefined) {
    const [y, x] = [Number(lat), Number(lng)];
    if (
      lat === undefined ||
      lng === undefined ||
      !Number.isFinite(y) ||
      !Number.isFinite(x) ||
      Math.abs(y) > 90 ||
      Math.abs(x) > 180
    )
      throw new Open311Error(400, 'lat and long must both be given as decimal degrees (WGS84)');
    return { lat: y, lng: x, address: address ?? null };
  }
  if (address || param(p, 'address_id'))
    return { lat: null, lng: null, address: address ?? `address_id ${param(p, 'address_id')}` };
  throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
}

function contactOf(p: Open311Params) {
  const email = param(p, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Open311Error(400, 'email is not a valid address');
  const mediaUrl = param(p, 'media_url');
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL');
  const name = [param(p, 'last_name'), param(p, 'first_name')].filter(Boolean).join('');
  return { email, mediaUrl, name: name || null, contact: param(p, 'phone') ?? email ?? null };
}

/** POST requests: a problem from a client with its attributes; answers [{service_request_id, token, …}]. */
export async function createRequest(
  ctx: AppContext,
  caller: Open311Caller,
  p: Open311Params,
  media: { bytes: Buffer; name: string } | null,
) {
  const code = param(p, 'service_code');
  if (!code) throw new Open311Error(400, 'service_code was not provided');
  const [category] = await findCategories(ctx.db, caller.tenantId, { codes: [code] });
  if (!category) throw new Open311Error(400, `service_code ${code} is not valid`);
  const attributes = attributeValues(p, category.attributes as Open311Attribute[]);
  const where = location(p);
  const who = contactOf(p);
  const grid = where.lat === null ? null : await findNearestGrid(ctx.db, caller.tenantId, where.lat, where.lng!);
  const root = await ctx.db.execute(sql`SELECT root_region_code FROM tenant WHERE id = ${caller.tenantId}`);
  const regionCode = grid?.regionCode ?? (root.rows[0] as { root_region_code: string | null }).root_region_code;
  if (!regionCode) throw new Open311Error(400, 'the location lies outside the jurisdiction');
  const actor = clientActor(caller);
  const token = randomToken(12);
  const created = await ctx.db.transaction(async (tx) => {
    const photo = media
      ? await ctx.files.save(tx, actor, media.bytes, { name: media.name, purpose: 'open311' }, ['image/'])
      : null;
    const problem = await createProblemInTx(tx, ctx, actor, {
      source: 'open311',
      category: code,
      description: param(p, 'description') ?? category.name,
      gridId: grid?.gridId ?? null,
      regionCode,
      lat: where.lat,
      lng: where.lng,
      address: where.address,
      beforePhotoFileIds: photo ? [photo.id] : [],
      reporterName: who.name,
      reporterContact: who.contact,
      attributes: { ...attributes, ...(param(p, 'device_id') ? { device_id: param(p, 'device_id') } : {}) },
      mediaUrl: who.mediaUrl ?? null,
      open311ClientId: caller.client!.id,
    });
    await tx.execute(sql`INSERT INTO open311_token (tenant_id, token, problem_id, client_id)
      VALUES (${caller.tenantId}, ${token}, ${problem.id}, ${caller.client!.id})`);
    return problem;
  });
  await touchClient(ctx.db, caller.tenantId, caller.client!.id, caller.now);
  const settings = await getProblemSettings(ctx.db, caller.tenantId);
  const notice = created.assignedUnitId
    ? `已受理并派至责任单位，按规定在${settings.deadlineDays[category.defaultSeverity]}日内整改`
    : '已受理，待文明办派单';
  return [
    { service_request_id: created.number, token, service_notice: notice, account_id: param(p, 'account_id') ?? null },
  ];
}
