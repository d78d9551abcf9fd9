import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { registerModules } from './modules';
import { open311Routes } from './modules/open311';
import { formatOfUrl, sendOpen311Error } from './modules/open311/open311-format';
import { open311ErrorOf } from './modules/open311/open311.routes';
import { type Clock, clockFromEnv } from './platform/clock';
import { createPiiCipher, loadPiiKey } from './platform/crypto';
import type { AppContext } from './platform/context';
import { type Database, checkMigrationsCurrent, openDatabase } from './platform/db';
import { createFileStore } from './platform/files';
import { fail } from './platform/errors';
import { errorPayload, frameworkError, registerHttpPlatform } from './platform/http';
import { registerIdempotency } from './platform/idempotency';
import { countOpenJobs, createJobQueue } from './platform/jobs';
import { newId } from './platform/ids';
import { createLogger, logRequests } from './platform/logging';
import { createMetrics, instrumentRequests, metricsAllowed } from './platform/metrics';
import { type ReplicaRouter, openReplica, registerReadRouting } from './platform/replica';

export interface BuildOptions {
  /** An already opened (and migrated) database; otherwise one is opened from the config. */
  database?: Database;
  logger?: boolean;
  /** The clock (tests set one); otherwise WENMING_CLOCK or the real time. */
  clock?: Clock;
  /** An already opened read replica; otherwise one is opened from DATABASE_REPLICA_URL when set. */
  replica?: ReplicaRouter | null;
}

// WENMING_WEB_DIST lets parallel browser-test runs serve their own build of the web app.
const webDist = process.env.WENMING_WEB_DIST
  ? path.resolve(process.env.WENMING_WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Cache-Control of a file of the web build: immutable for fingerprinted assets, revalidate for the rest. */
export function webCacheControl(file: string): string {
  return /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Content-Security-Policy of every HTML page (the desktop app, the phone app at /m/, the API docs): code only from
 * this origin and no inline script (the Vite build and the docs page load every script from files; the phone's
 * service worker is /sw.js). Styles allow 'unsafe-inline' because antd and antd-mobile write their CSS-in-JS into
 * <style> elements and the phone's index.html paints its boot screen with one. Photo previews are blob: URLs,
 * charts and the docs' icons data: URLs. No plugins, no framing, forms post here only. Only HTML gets it: a PDF
 * or photo opened in its own tab is shown by the browser's viewer, which a policy would get in the way of.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Fastify's trustProxy from the config. A list of proxies goes over as one comma list. A hop count trusts that
 * many hops nearest the server, whoever they are (Fastify itself would trust no one for a bare number): right
 * only when the server is reachable through the proxies alone.
 */
export function trustProxyOption(
  v: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'number') return (_address, hop) => hop < v;
  return v;
}

/** Build the Fastify app with every module; it does not listen and does not start the job worker. */
export async function buildApp(
  config: Readonly<Config>,
  opts: BuildOptions = {},
): Promise<FastifyInstance & { ctx: AppContext }> {
  const app = Fastify({
    ...(opts.logger === false
      ? { logger: false }
      : { loggerInstance: createLogger(config.logLevel, config.logFormat) }),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => newId(),
    // X-Forwarded-For only from configured proxies (WENMING_TRUST_PROXY): rate limits and audit IPs use req.ip.
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: (err, req, reply) => {
      const appErr = frameworkError(err, req);
      if (req.url.startsWith('/open311/'))
        return sendOpen311Error(reply, formatOfUrl(req.url), open311ErrorOf(req, appErr));
      return (reply as FastifyReply).status(appErr.status).send(errorPayload(req, appErr));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'db'),
      poolSize: config.poolSize,
    }));
  const clock = opts.clock ?? clockFromEnv(config.clockStart ?? undefined);
  const replica =
    opts.replica !== undefined
      ? opts.replica
      : config.replicaUrl
        ? await openReplica(config.replicaUrl, config.poolSize, config.replicaMaxLagSeconds)
        : null;
  const metrics = createMetrics(database, replica, () => countOpenJobs(database.db));
  const ctx: AppContext = {
    config,
    clock,
    database,
    db: database.db,
    cipher: createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env)),
    files: createFileStore(path.join(config.dataDir, 'files'), config.uploadMaxBytes),
    jobs: createJobQueue(database.db, app.log, clock, metrics.jobFailed),
    log: app.log,
    replica,
    metrics,
  };
  app.decorate('ctx', ctx);

  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return payload;
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Wenming 文明创建 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wm_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerReadRouting(app, database.db, replica);
  instrumentRequests(app, metrics);
  if (opts.logger !== false) logRequests(app, config.logFormat);
  registerHttpPlatform(app, ctx, { spa: fs.existsSync(path.join(webDist, 'index.html')) });
  registerIdempotency(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const current = await checkMigrationsCurrent(database);
      if (!current) return reply.status(503).send({ status: 'migrations_pending' });
      // A lagging or unreachable replica does not make the process unready: its reads fall back to the primary.
      return { status: 'ready', engine: database.engine, ...(replica ? { replica: replica.status() } : {}) };
    } catch {
      return reply.status(503).send({ status: 'database_unreachable' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // Without a token the endpoint does not exist here (it may be served on WENMING_METRICS_PORT instead).
    if (!config.metricsToken) return reply.status(404).send(errorPayload(req, fail('NOT_FOUND')));
    if (!metricsAllowed(req.headers.authorization, config.metricsToken))
      return reply.status(401).send(errorPayload(req, fail('UNAUTHENTICATED')));
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  await app.register(registerModules(ctx), { prefix: '/api/v1' });
  // Open311 GeoReport v2 lives outside /api/v1 and authenticates clients by api_key.
  await app.register(open311Routes(ctx));

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    // Fingerprinted files (assets/*-<hash>.js) never change: a year, immutable. The rest (index.html, the phone's
    // service worker and manifest, icons) is revalidated on every use. Brotli or gzip twins built next to each
    // file are sent when the browser accepts them.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', webCacheControl(file));
        // The answer depends on Accept-Encoding (brotli, gzip or plain): shared caches must key on it.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.addHook('onClose', async () => {
    await ctx.jobs.stop();
    if (replica && opts.replica === undefined) await replica.close();
    if (!opts.database) await database.close();
  });
  return app as unknown as FastifyInstance & { ctx: AppContext };
}
