// Routes of bulletins (通报), the big screen and the public page of published results.
import {
  bulletinFileParam,
  bulletinListQuery,
  bulletinPreviewParam,
  bulletinPreviewQuery,
  bulletinPublishBody,
  idParam,
  publicBulletinQuery,
} from '@wenming/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { sendFile } from '../../platform/http-files';
import { getBigscreen } from './bigscreen.service';
import { bulletinFile, bulletinPreview, getBulletin, listBulletins, publishBulletin } from './bulletin.service';
import { getPublicBulletin, listPublicBulletins } from './public-bulletin.service';

const tags = ['evaluations 考评通报'];
const publicTenant = z.object({ tenant: z.string().max(64).optional() });

/** Publishing, bulletins and their documents, the big screen, and the public bulletins under /api/v1. */
export function bulletinRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/evaluations/:id/publish',
      {
        schema: {
          tags,
          summary: '发布通报（冻结快照、编文号；replaces 为更正）',
          params: idParam,
          body: bulletinPublishBody,
        },
      },
      async (req, reply) => {
        const bulletin = await publishBulletin(ctx.db, actorOf(req), req.params.id, req.body ?? {});
        return reply.status(201).send(bulletin);
      },
    );
    app.get(
      '/evaluations/:id/bulletin-preview.:format',
      {
        schema: {
          tags,
          summary: '通报预览（按发布时的样子生成文件，不保存、不占文号）',
          params: bulletinPreviewParam,
          querystring: bulletinPreviewQuery,
        },
      },
      async (req, reply) =>
        sendFile(reply, await bulletinPreview(ctx.db, actorOf(req), req.params.id, req.query, req.params.format), true),
    );
    app.get(
      '/bulletins',
      { config: { readReplica: true }, schema: { tags, summary: '通报列表', querystring: bulletinListQuery } },
      (req) => listBulletins(req.db, actorOf(req), req.query),
    );
    app.get(
      '/bulletins/:id',
      { config: { readReplica: true }, schema: { tags, summary: '通报详情（快照）', params: idParam } },
      (req) => getBulletin(req.db, actorOf(req), req.params.id),
    );
    app.get(
      '/bulletins/:id.:format',
      {
        config: { readReplica: true },
        schema: { tags, summary: '通报文件（.docx 公文、.pdf、.xlsx 表格）', params: bulletinFileParam },
      },
      async (req, reply) => sendFile(reply, await bulletinFile(req.db, actorOf(req), req.params.id, req.params.format)),
    );
    app.get(
      '/bigscreen',
      { config: { readReplica: true }, schema: { tags, summary: '大屏数据（地图、排名、走势、问题、整改率）' } },
      (req) => getBigscreen(req.db, actorOf(req)),
    );
    app.get(
      '/public/bulletins',
      {
        schema: { tags, summary: '公开通报与排名（无个人信息）', querystring: publicBulletinQuery },
        config: { public: true, readReplica: true },
      },
      (req) => listPublicBulletins(req.db, req.query, ctx.config.defaultTenant),
    );
    app.get(
      '/public/bulletins/:id',
      {
        schema: { tags, summary: '公开通报详情', params: idParam, querystring: publicTenant },
        config: { public: true, readReplica: true },
      },
      (req) => getPublicBulletin(req.db, req.query.tenant, req.params.id, ctx.config.defaultTenant),
    );
  };
}
