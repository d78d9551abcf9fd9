import { idParam, pointBody, pointListQuery, pointTypes, regionCode } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/errors';
import { actorOf } from '../../platform/http';
import { enqueuePointImport, pointTemplate } from './point-import';
import * as points from './point.service';
import { sendXlsx } from '../../platform/http-files';

const tags = ['points 点位'];

export function pointRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/points',
      { schema: { tags, summary: '点位列表（按区划、类型、网格筛选）', querystring: pointListQuery } },
      (req) => points.listPoints(ctx.db, actorOf(req), req.query),
    );
    app.get(
      '/points/map',
      {
        schema: {
          tags,
          summary: '点位地图（GeoJSON FeatureCollection，坐标为 [经度, 纬度]）',
          querystring: z.object({ regionCode: regionCode.optional(), pointType: z.enum(pointTypes).optional() }),
        },
      },
      (req) => points.pointsMap(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/points/import',
      {
        schema: {
          tags,
          summary: '导入点位（Excel，multipart 字段 file；后台任务，进度见 /jobs/:id；全部成功或全部不导入）',
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ jobId: z.string().uuid() }) },
        },
      },
      async (req, reply) => {
        const part = req.isMultipart() ? await req.file() : undefined;
        if (part?.fieldname !== 'file')
          throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'file', key: 'required' }] });
        const upload = { bytes: await part.toBuffer(), name: part.filename || 'points.xlsx' };
        const jobId = await enqueuePointImport(ctx, actorOf(req), upload, req.lang);
        return reply.status(202).send({ jobId });
      },
    );
    app.get('/points/import-template.xlsx', { schema: { tags, summary: '点位导入模板' } }, async (_req, reply) =>
      sendXlsx(reply, '点位导入模板.xlsx', await pointTemplate()),
    );
    app.get('/points/:id', { schema: { tags, summary: '点位详情', params: idParam } }, (req) =>
      points.getPoint(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/points',
      {
        schema: {
          tags,
          summary: '新建点位（可带客户端 id，重发只存一次）',
          body: pointBody.extend({ id: z.string().uuid().optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return points.createPoint(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/points/:id',
      {
        schema: {
          tags,
          summary: '修改点位（带版本号）',
          params: idParam,
          body: pointBody.extend({ version: z.number().int() }),
        },
      },
      (req) => points.updatePoint(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}
