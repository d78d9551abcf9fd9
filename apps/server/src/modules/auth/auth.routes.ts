import { changePasswordBody, loginBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { SESSION_COOKIE, deleteSession, loadSession } from '../../platform/sessions';
import { changePassword, describeSession, login } from './auth.service';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.env === 'production',
  };
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], summary: '登录 Sign in', body: loginBody },
        config: {
          public: true,
          rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' },
        },
      },
      async (req, reply) => {
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
        const session = await login(ctx, req.body, meta);
        reply.setCookie(SESSION_COOKIE, session.cookie, cookieOptions);
        const loaded = await loadSession(ctx.database, session.cookie, ctx.config.sessionIdleMs, {
          requestId: req.id,
          ip: req.ip,
          now: ctx.clock.now(),
        });
        if (loaded.status !== 'ok') throw new Error('session vanished after login');
        return describeSession(loaded.info);
      },
    );
    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出 Sign out' }, config: { duringPasswordChange: true } },
      async (req, reply) => {
        const actor = actorOf(req);
        await ctx.db.transaction(async (tx) => {
          await deleteSession(tx, actor.tenantId, req.session!.sessionId);
          await writeAudit(tx, actor, { action: 'auth.logout', objectType: 'account', objectId: actor.accountId });
        });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );
    app.get(
      '/me',
      { schema: { tags: ['auth'], summary: '当前用户 Current user' }, config: { duringPasswordChange: true } },
      async (req) => {
        actorOf(req);
        return describeSession(req.session!);
      },
    );
    app.post(
      '/auth/password',
      {
        schema: { tags: ['auth'], summary: '修改密码 Change password', body: changePasswordBody },
        config: { duringPasswordChange: true },
      },
      async (req) => {
        const actor = actorOf(req);
        await changePassword(ctx, actor, req.body.currentPassword, req.body.newPassword, req.session!.sessionId);
        return { ok: true };
      },
    );
  };
}
