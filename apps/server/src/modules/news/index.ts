// The news module's public face (工作动态、典型案例): routes and demo data.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { articleReadable } from './news.policy';
import { newsDeskRoutes, publicNewsRoutes } from './news.routes';

export { seedDemoNews } from './demo/seed-news';

/** News desk and public news routes under /api/v1. */
export function newsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // A cover is read through /files/{id} by those who may see its article at the desk (the public reads it through
  // /public/news/{id}/cover once published).
  ctx.files.registerAttachment({
    name: 'news_cover',
    attached: (tenantId, fileId) =>
      sql`EXISTS (SELECT 1 FROM news_article a WHERE a.tenant_id = ${tenantId} AND a.cover_file_id = ${fileId})`,
    visible: (actor, fileId) => sql`EXISTS (SELECT 1 FROM news_article a
      WHERE a.tenant_id = ${actor.tenantId} AND a.cover_file_id = ${fileId}
        AND (a.status = 'published' OR ${articleReadable(actor)}))`,
  });
  return async (app) => {
    for (const routes of [newsDeskRoutes, publicNewsRoutes]) await app.register(routes(ctx));
  };
}
