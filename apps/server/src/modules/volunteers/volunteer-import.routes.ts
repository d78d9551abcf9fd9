import { volunteerListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { enqueueVolunteerImport, exportVolunteers, volunteerTemplate } from './volunteer-import';
import { tags } from './volunteer.routes';
import { sendXlsx, uploadedFile } from '../../platform/http-files';

/** Excel import (job with progress at GET /jobs/:id), masked export and the template of volunteers. */
export function volunteerImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/volunteers/import',
      {
        schema: {
          tags,
          summary: '批量导入志愿者（Excel，multipart 字段 file；全部成功或全部不导入，逐行报错）',
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ jobId: z.string().uuid() }) },
        },
      },
      async (req, reply) => {
        const jobId = await enqueueVolunteerImport(ctx, actorOf(req), await uploadedFile(req), req.lang);
        return reply.status(202).send({ jobId });
      },
    );
    app.get(
      '/volunteers/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出志愿者（筛选与范围同列表，证件号与手机号脱敏）',
          querystring: volunteerListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => sendXlsx(reply, '志愿者.xlsx', await exportVolunteers(ctx, actorOf(req), req.query)),
    );
    app.get('/volunteers/import-template.xlsx', { schema: { tags, summary: '志愿者导入模板' } }, async (req, reply) =>
      sendXlsx(reply, '志愿者导入模板.xlsx', await volunteerTemplate(actorOf(req))),
    );
  };
}
