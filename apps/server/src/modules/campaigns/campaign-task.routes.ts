import { idParam, taskBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { XLSX_TYPE } from '../../platform/excel';
import { actorOf } from '../../platform/http';
import { sendFile, uploadedFile } from '../../platform/http-files';
import { jobAccepted } from './route-helpers';
import { enqueueTaskImport, taskTemplate } from './task-import';
import { createTask } from './task.service';

/** Assigning tasks to a campaign: one by one, or from an Excel task list (as a job). */
export function campaignTaskRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/campaigns/:id/tasks',
      { schema: { tags: ['tasks 任务'], summary: '分解/新建任务', params: idParam, body: taskBody } },
      async (req, reply) => {
        reply.status(201);
        return createTask(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/campaigns/:id/tasks/import',
      {
        schema: {
          tags: ['tasks 任务'],
          summary: '从 Excel 任务清单批量交办（multipart 字段 file；全部成功或全部不导入）',
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 202: jobAccepted },
        },
      },
      async (req, reply) => {
        const jobId = await enqueueTaskImport(ctx, actorOf(req), req.params.id, await uploadedFile(req), req.lang);
        return reply.status(202).send({ jobId });
      },
    );
    app.get(
      '/campaigns/:id/tasks/import-template.xlsx',
      { schema: { tags: ['tasks 任务'], summary: '任务清单导入模板', params: idParam } },
      async (req, reply) =>
        sendFile(reply, {
          name: '任务清单导入模板.xlsx',
          contentType: XLSX_TYPE,
          bytes: await taskTemplate(ctx, actorOf(req), req.params.id),
        }),
    );
  };
}
