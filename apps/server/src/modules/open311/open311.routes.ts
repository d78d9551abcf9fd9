// The GeoReport v2 endpoint under /open311/v2: every resource in .json and .xml, form-encoded (or multipart) POSTs,
// api_key instead of the session, errors in the spec's array form.
import { z } from 'zod';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorPayload } from '../../platform/http';
import { type Open311Caller, type Open311Params, parseForm, resolveCaller } from './open311-caller';
import {
  type Open311Format,
  Open311Error,
  formatOfUrl,
  sendOpen311,
  sendOpen311Error,
  splitFormat,
} from './open311-format';
import { createRequest, getRequest, getToken, listRequests } from './open311-requests.service';
import { discovery, listServices, serviceDefinition } from './open311-services.service';
import { addRequestUpdate, listRequestUpdates } from './open311-updates.service';

const schema = (summary: string) => ({ schema: { tags: ['open311 GeoReport v2'], summary } });
const FORMATS: Open311Format[] = ['json', 'xml'];

/** A JSON body holds form values: text, or lists of text (a number such as `"lat": 38.5` is refused, not guessed). */
const open311JsonBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

function jsonParams(body: unknown): Open311Params {
  const parsed = open311JsonBody.safeParse(body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.');
  throw new Open311Error(
    400,
    field ? `${field} must be text (or a list of text)` : 'the body must be an object of parameters',
  );
}

/** Query and body parameters together; multipart bodies give their fields and an optional `media` photo. */
async function readParams(
  req: FastifyRequest,
): Promise<{ p: Open311Params; media: { bytes: Buffer; name: string } | null }> {
  const p: Open311Params = { ...(req.query as Open311Params) };
  let media: { bytes: Buffer; name: string } | null = null;
  if (req.isMultipart()) {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'media') media = { bytes, name: part.filename || 'media.jpg' };
      } else if (typeof part.value === 'string') p[part.fieldname] = part.value;
    }
  } else if (req.body !== undefined && req.body !== null) Object.assign(p, jsonParams(req.body));
  return { p, media };
}

type Handler = (
  caller: Open311Caller,
  p: Open311Params,
  extra: { req: FastifyRequest; media: { bytes: Buffer; name: string } | null; name: string },
) => Promise<unknown>;

/** A route answering `root` in the format of its suffix; `requireKey` for the writes. */
function route(ctx: AppContext, root: string, action: string, handler: Handler, requireKey = false) {
  return async (req: FastifyRequest, reply: FastifyReply, format: Open311Format, name = '') => {
    const { p, media } = await readParams(req);
    const caller = await resolveCaller(ctx, p, { ip: req.ip, requestId: req.id, requireKey, action });
    return sendOpen311(reply, format, root, await handler(caller, p, { req, media, name }));
  };
}

/** An AppError as GeoReport error: its English message and, for a 400, the fields it names. */
export function open311ErrorOf(req: FastifyRequest, err: AppError): Open311Error {
  req.lang = 'en';
  const { error } = errorPayload(req, err);
  const fields = (error.details?.fields ?? []).map((f: { message: string }) => f.message);
  const status = err.status === 404 || err.status === 429 ? err.status : err.status === 400 ? 400 : 403;
  return new Open311Error(status, [error.message, ...fields].join(': '));
}

function handleErrors(app: FastifyInstance) {
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const format = formatOfUrl(req.url);
    if (err instanceof Open311Error) return sendOpen311Error(reply, format, err);
    // The platform's own refusals (the input guard's 400 naming the field), in the spec's form.
    if (err instanceof AppError && err.status < 500) return sendOpen311Error(reply, format, open311ErrorOf(req, err));
    if (err.statusCode === 429) return sendOpen311Error(reply, format, new Open311Error(429, 'Too many requests'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendOpen311Error(reply, format, new Open311Error(400, 'The request could not be read'));
    req.log.error({ err }, 'open311 error');
    return sendOpen311Error(reply, format, new Open311Error(500, 'Internal error'));
  });
  app.setNotFoundHandler((req, reply) =>
    sendOpen311Error(reply, formatOfUrl(req.url), new Open311Error(404, 'No such resource')),
  );
}

/** The resources named by a fixed file name, in both formats. */
function registerFixedRoutes(app: FastifyInstance, ctx: AppContext) {
  const base = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  const disco = route(ctx, 'discovery', 'discovery', async (c, _p, x) => discovery(base(x.req), c.tenantName));
  const list = route(ctx, 'services', 'list services', (c) => listServices(ctx, c));
  const requests = route(ctx, 'service_requests', 'list requests', (c, p) => listRequests(ctx, c, p));
  const create = route(ctx, 'service_requests', 'create_request', (c, p, x) => createRequest(ctx, c, p, x.media), true);
  const updates = route(ctx, 'service_request_updates', 'list updates', (c, p) => listRequestUpdates(ctx, c, p));
  const addUpdate = route(ctx, 'service_request_updates', 'add an update', (c, p) => addRequestUpdate(ctx, c, p), true);
  const limit = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
  for (const f of FORMATS) {
    app.get(`/discovery.${f}`, schema('Service discovery'), (req, reply) => disco(req, reply, f));
    app.get(`/services.${f}`, schema('GET services'), (req, reply) => list(req, reply, f));
    app.get(`/requests.${f}`, schema('GET service requests'), (req, reply) => requests(req, reply, f));
    app.post(`/requests.${f}`, { ...schema('POST service request'), ...limit }, (req, reply) => create(req, reply, f));
    app.get(`/servicerequestupdates.${f}`, schema('GET request updates (mySociety)'), (req, reply) =>
      updates(req, reply, f),
    );
    app.post(`/servicerequestupdates.${f}`, { ...schema('POST request update (mySociety)'), ...limit }, (req, reply) =>
      addUpdate(req, reply, f),
    );
  }
}

/** The resources named by an id: `services/{code}`, `requests/{id}`, `tokens/{token}` with .json or .xml. */
function registerNamedRoutes(app: FastifyInstance, ctx: AppContext) {
  const byName = (root: string, action: string, h: (c: Open311Caller, name: string) => Promise<unknown>) => {
    const r = route(ctx, root, action, (c, _p, x) => h(c, x.name));
    return (req: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const { name, format } = splitFormat(req.params.file);
      return r(req, reply, format, name);
    };
  };
  app.get(
    '/services/:file',
    schema('GET service definition'),
    byName('service_definition', 'get a service definition', (c, n) => serviceDefinition(ctx, c, n)),
  );
  app.get(
    '/requests/:file',
    schema('GET service request'),
    byName('service_requests', 'get a request', (c, n) => getRequest(ctx, c, n)),
  );
  app.get(
    '/tokens/:file',
    schema('GET service request id from a token'),
    byName('service_requests', 'get a token', (c, n) => getToken(ctx, c, n)),
  );
}

/** GeoReport v2 with mySociety's servicerequestupdates; register with prefix /open311/v2. */
export function open311V2Routes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1 << 20 },
      (_r, body, done) => done(null, parseForm(body as string)),
    );
    handleErrors(app);
    registerFixedRoutes(app, ctx);
    registerNamedRoutes(app, ctx);
  };
}
