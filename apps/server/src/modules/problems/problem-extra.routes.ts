import {
  idParam,
  problemDuplicatesQuery,
  problemExportQuery,
  problemNearbyQuery,
  problemNoticeListQuery,
  problemSettingsBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { XLSX_TYPE } from '../../platform/excel';
import { actorOf } from '../../platform/http';
import { listCategories, listProblemNotices } from './problem-category.service';
import { exportProblems, startProblemExport } from './problem-export';
import { getProblemSettings, updateProblemSettings } from './problem-settings.service';
import { sendFile } from '../../platform/http-files';
import { tags } from './problem.routes';
import { findDuplicateCandidates, suggestDuplicates } from './problem-duplicates.service';
import { getProblemPhoto, revealReporterContact } from './problem.service';

/** Around the list: the Excel export, duplicate suggestions and photos of one problem. */
export function problemToolRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/problems/export.xlsx',
      {
        config: { readReplica: true },
        schema: {
          tags,
          summary: '导出问题清单（按列表筛选条件，可不选单位；超过 2000 条请用导出任务）',
          querystring: problemExportQuery,
        },
      },
      async (req, reply) => {
        const base = `${req.protocol}://${req.host}`;
        const f = await exportProblems(req.db, actorOf(req), req.query, base, ctx.db);
        return sendFile(reply, { ...f, contentType: XLSX_TYPE });
      },
    );
    app.post(
      '/problems/export-jobs',
      { schema: { tags, summary: '后台导出问题清单（大量数据，GET /jobs/{id} 查看进度）', body: problemExportQuery } },
      async (req, reply) => {
        const started = await startProblemExport(ctx, actorOf(req), req.body, `${req.protocol}://${req.host}`);
        reply.status(202);
        return started;
      },
    );
    app.get(
      '/problems/duplicates',
      { schema: { tags, summary: '上报前查重：附近同类未办结问题', querystring: problemNearbyQuery } },
      (req) => suggestDuplicates(ctx.db, actorOf(req), req.query),
    );
    app.get(
      '/problems/:id/reporter-contact',
      { schema: { tags, summary: '查看上报人完整联系方式（需 person.reveal_pii，留痕）', params: idParam } },
      (req) => revealReporterContact(ctx, actorOf(req), req.params.id),
    );
    app.get(
      '/problems/:id/duplicates',
      {
        schema: {
          tags,
          summary: '疑似重复问题（同类、附近、时间窗内未办结）',
          params: idParam,
          querystring: problemDuplicatesQuery,
        },
      },
      (req) => findDuplicateCandidates(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/problems/:id/photos/:fileId',
      { schema: { tags, summary: '问题照片', params: idParam.extend({ fileId: z.string().uuid() }) } },
      async (req, reply) =>
        sendFile(reply, await getProblemPhoto(ctx, actorOf(req), req.params.id, req.params.fileId), true),
    );
  };
}

/** Categories, the tenant's deadline rules and the deadline job's notices. */
export function problemSetupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/problem-categories', { schema: { tags, summary: '问题类别（亦即 Open311 服务）' } }, (req) =>
      listCategories(ctx.db, actorOf(req)),
    );
    app.get('/problem-settings', { schema: { tags, summary: '整改时限与督办规则' } }, (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'problem.read');
      return getProblemSettings(ctx.db, actor.tenantId);
    });
    app.put(
      '/problem-settings',
      { schema: { tags, summary: '修改整改时限与督办规则', body: problemSettingsBody } },
      (req) => updateProblemSettings(ctx.db, actorOf(req), req.body),
    );
    app.get(
      '/problem-notices',
      { schema: { tags, summary: '整改提醒、逾期与督办通知', querystring: problemNoticeListQuery } },
      (req) => listProblemNotices(ctx.db, actorOf(req), req.query),
    );
  };
}
