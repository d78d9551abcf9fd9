import {
  type Language,
  pickLanguage,
  translateError,
  translateFieldProblem,
  validationMessages,
} from '@wenming/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './access';
import type { AppContext } from './context';
import { AppError, fail } from './errors';
import { invalidText, registerInputGuard } from './input-guard';
import { SESSION_COOKIE, type SessionInfo, loadSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    session: SessionInfo | null;
    sessionStatus: 'ok' | 'missing' | 'expired';
  }
  interface FastifyContextConfig {
    /** No sign-in needed (login, health, public pages). */
    public?: boolean;
    /** Reachable while the account must still change its initial password. */
    duringPasswordChange?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A path the web app routes on the client: not the API, and not a missing build file (a 404, not a page). */
function isAppPath(url: string): boolean {
  return !/^\/(api|open311|assets)\//.test(url) && !/^\/[^?]*\.(js|css|map|png|webmanifest)(\?|$)/.test(url);
}

/** The signed-in actor of a request; 401 when there is none. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.session) throw new AppError(req.sessionStatus === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', 401);
  return req.session.actor;
}

function validationKey(issue: { keyword?: string; message?: string; params?: Record<string, unknown> }): string {
  if (issue.message && validationMessages[issue.message]) return issue.message;
  if (issue.keyword === 'invalid_type' && issue.params?.input === undefined) return 'required';
  if (issue.keyword === 'required') return 'required';
  if (issue.keyword && validationMessages[issue.keyword]) return issue.keyword;
  return 'invalid_format';
}

function fieldName(instancePath: string | undefined, params?: Record<string, unknown>): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (params?.missingProperty) return [p, params.missingProperty].filter(Boolean).join('.');
  return p || '(body)';
}

/** Error body of SPEC §6, in the request's language, with `details.fields` for 400s. */
export function errorPayload(req: FastifyRequest, err: AppError) {
  const lang = req.lang ?? 'zh-CN';
  let details = err.details as any;
  if (details?.fieldKeys) {
    details = {
      fields: details.fieldKeys.map((f: { field: string; key: string }) => ({
        field: f.field,
        message: translateFieldProblem(f.field.split('.').pop()!, f.key, lang),
      })),
    };
  }
  return { error: { code: err.code, message: translateError(err.code, lang), details, requestId: req.id } };
}

/**
 * Fastify's own refusals before routing (`frameworkErrors`): a path that is not valid UTF-8 once decoded (a lone
 * surrogate) or a path parameter over the router's length limit, as a 400 naming the path.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest): AppError {
  req.lang = pickLanguage((req.headers['x-wenming-lang'] as string) ?? req.headers['accept-language']);
  if (err.code === 'FST_ERR_BAD_URL') return invalidText('(path)');
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return fail('VALIDATION_FAILED', { fieldKeys: [{ field: '(path)', key: 'too_big' }] });
  return fail('BAD_REQUEST');
}

export function registerHttpPlatform(app: FastifyInstance, ctx: AppContext, opts: { spa: boolean }): void {
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('session', null);
  app.decorateRequest('sessionStatus', 'missing');

  app.setErrorHandler((error: FastifyError & { validation?: any[] }, req, reply) => {
    let appErr: AppError;
    if (error instanceof AppError) appErr = error;
    else if (error.validation) {
      const fields = error.validation.map((v) => ({
        field: fieldName(v.instancePath, v.params),
        key: validationKey(v),
      }));
      appErr = fail('VALIDATION_FAILED', { fieldKeys: fields });
    } else if (error.statusCode === 429) appErr = fail('RATE_LIMITED');
    else if (error.code === 'FST_REQ_FILE_TOO_LARGE') appErr = fail('FILE_TOO_LARGE');
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      appErr = new AppError(
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
        error.statusCode,
      );
    else {
      req.log.error({ err: error }, 'unhandled error');
      appErr = fail('INTERNAL');
    }
    reply.status(appErr.status).send(errorPayload(req, appErr));
  });

  registerInputGuard(app);

  app.setNotFoundHandler((req, reply) => {
    // The web app routes on the client: unknown non-API GETs get its index.html.
    if (opts.spa && req.method === 'GET' && isAppPath(req.url)) {
      // The phone app (/m, /m/…) is its own entry; everything else is the desktop's. Never cached: a new build
      // must reach the next visit.
      const page = /^\/m(\/|\?|$)/.test(req.url) ? 'm/index.html' : 'index.html';
      return reply
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-encoding')
        .type('text/html')
        .sendFile(page);
    }
    return reply.status(404).send(errorPayload(req, fail('NOT_FOUND')));
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.lang = pickLanguage((req.headers['x-wenming-lang'] as string) ?? req.headers['accept-language']);
    reply.header('x-request-id', req.id);
    if (!req.url.startsWith('/api/v1/')) return;
    const found = await loadSession(ctx.database, req.cookies[SESSION_COOKIE], ctx.config.sessionIdleMs, {
      requestId: req.id,
      ip: req.ip,
      now: ctx.clock.now(),
    });
    req.sessionStatus = found.status;
    req.session = found.status === 'ok' ? found.info : null;
    const cfg = req.routeOptions.config ?? {};
    if (req.session && WRITE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.session.csrfToken) {
      // Cookie-authenticated writes must prove they come from our page (double-submit of the session's token).
      throw fail('CSRF_TOKEN_INVALID');
    }
    if (cfg.public) return;
    const actor = actorOf(req);
    if (req.session?.mustChangePassword && !cfg.duringPasswordChange) {
      throw fail('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    void actor;
  });
}
