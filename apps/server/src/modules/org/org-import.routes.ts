import { personListQuery, unitListQuery } from '@wenming/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import {
  type ImportTarget,
  enqueueImport,
  exportPeople,
  exportUnits,
  personTemplate,
  unitTemplate,
} from './org-import';
import { sendXlsx, uploadedFile } from '../../platform/http-files';

const unitTags = ['units 单位'];
const personTags = ['people 人员'];
const accepted = z.object({ jobId: z.string().uuid() });

async function startImport(ctx: AppContext, target: ImportTarget, req: FastifyRequest, reply: FastifyReply) {
  const actor = actorOf(req);
  const jobId = await enqueueImport(ctx, actor, target, await uploadedFile(req), req.lang);
  return reply.status(202).send({ jobId });
}

/** Excel import (background job, progress at GET /jobs/:id), export and templates of units and people. */
export function orgImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const importSchema = (tags: string[], summary: string) => ({
      tags,
      summary,
      consumes: ['multipart/form-data'],
      response: { 202: accepted },
    });
    app.post(
      '/units/import',
      { schema: importSchema(unitTags, '导入单位（Excel，multipart 字段 file；全部成功或全部不导入）') },
      (req, reply) => startImport(ctx, 'units', req, reply),
    );
    app.post(
      '/people/import',
      { schema: importSchema(personTags, '导入人员（Excel，multipart 字段 file；全部成功或全部不导入）') },
      (req, reply) => startImport(ctx, 'people', req, reply),
    );
    app.get(
      '/units/export.xlsx',
      {
        schema: {
          tags: unitTags,
          summary: '导出单位（与列表相同的筛选与范围，电话脱敏）',
          querystring: unitListQuery.pick({ q: true, type: true, regionCode: true }),
        },
      },
      async (req, reply) => sendXlsx(reply, '单位.xlsx', await exportUnits(ctx, actorOf(req), req.query)),
    );
    app.get(
      '/people/export.xlsx',
      {
        schema: {
          tags: personTags,
          summary: '导出人员（与列表相同的筛选与范围，证件号、手机号脱敏）',
          querystring: personListQuery.pick({ q: true, unitId: true, regionCode: true }),
        },
      },
      async (req, reply) => sendXlsx(reply, '人员.xlsx', await exportPeople(ctx, actorOf(req), req.query)),
    );
    app.get(
      '/units/import-template.xlsx',
      { schema: { tags: unitTags, summary: '单位导入模板' } },
      async (req, reply) => sendXlsx(reply, '单位导入模板.xlsx', await unitTemplate(ctx, actorOf(req))),
    );
    app.get(
      '/people/import-template.xlsx',
      { schema: { tags: personTags, summary: '人员导入模板' } },
      async (req, reply) => sendXlsx(reply, '人员导入模板.xlsx', await personTemplate(ctx, actorOf(req))),
    );
  };
}
