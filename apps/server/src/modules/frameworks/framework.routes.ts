import {
  frameworkCreateBody,
  frameworkDiffQuery,
  frameworkImportFields,
  frameworkListQuery,
  frameworkUpdateBody,
  idParam,
} from '@wenming/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { invalidFields, fail } from '../../platform/errors';
import { actorOf } from '../../platform/http';
import { exportFramework, frameworkTemplate } from './framework-export';
import { importFramework } from './framework-import';
import * as lifecycle from './framework-lifecycle.service';
import * as frameworks from './framework.service';
import { sendXlsx } from '../../platform/http-files';

const tags = ['frameworks 测评体系'];
const importResult = z.object({ id: z.string().uuid(), version: z.number().int(), indicatorCount: z.number().int() });

/** The multipart field `file` plus optional fields name/code/familyId (the query string may carry them too). */
async function readUpload(req: FastifyRequest) {
  let file: { bytes: Buffer; name: string } | undefined;
  const fields: Record<string, unknown> = { ...(req.query as object) };
  if (req.isMultipart()) {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !file)
        file = { bytes: await part.toBuffer(), name: part.filename || 'import.xlsx' };
      else if (part.type === 'file') await part.toBuffer();
      else if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'file', key: 'required' }] });
  const parsed = frameworkImportFields.safeParse(fields);
  if (!parsed.success)
    throw invalidFields(parsed.error.issues.map((i) => ({ field: i.path.join('.'), key: 'invalid_format' })));
  return { file, fields: parsed.data };
}

/** Frameworks: list, versions, meta, publish, derive, diff, import and export. */
export function frameworkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/frameworks', { schema: { tags, summary: '测评体系列表', querystring: frameworkListQuery } }, (req) =>
      frameworks.listFrameworks(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/frameworks',
      { schema: { tags, summary: '新建测评体系（空白草稿）', body: frameworkCreateBody } },
      async (req, reply) => {
        reply.status(201);
        return frameworks.createFramework(ctx.db, actorOf(req), req.body);
      },
    );
    app.get(
      '/frameworks/import-template.xlsx',
      { schema: { tags, summary: '测评体系导入模板' } },
      async (req, reply) => {
        requirePermission(actorOf(req), 'framework.read');
        return sendXlsx(reply, '测评体系导入模板.xlsx', await frameworkTemplate());
      },
    );
    app.post(
      '/frameworks/import',
      {
        schema: {
          tags,
          summary: '导入测评体系（Excel，multipart 字段 file；可选 name、code、familyId；全部成功或全部不导入）',
          consumes: ['multipart/form-data'],
          querystring: frameworkImportFields,
          response: { 201: importResult },
        },
      },
      async (req, reply) => {
        const { file, fields } = await readUpload(req);
        reply.status(201);
        return importFramework(ctx, actorOf(req), file, fields, req.lang);
      },
    );
    app.get('/frameworks/:id', { schema: { tags, summary: '测评体系详情', params: idParam } }, (req) =>
      frameworks.getFramework(ctx.db, actorOf(req), req.params.id),
    );
    app.patch(
      '/frameworks/:id',
      { schema: { tags, summary: '修改草稿的名称、说明、总分、达标线', params: idParam, body: frameworkUpdateBody } },
      (req) => frameworks.updateFramework(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.delete('/frameworks/:id', { schema: { tags, summary: '删除草稿', params: idParam } }, async (req, reply) => {
      await frameworks.deleteFramework(ctx.db, actorOf(req), req.params.id);
      return reply.status(204).send();
    });
    app.get('/frameworks/:id/versions', { schema: { tags, summary: '版本历史', params: idParam } }, (req) =>
      frameworks.listVersions(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/frameworks/:id/publish',
      { schema: { tags, summary: '发布（校验分值合计；取代同一体系的已发布版本）', params: idParam } },
      (req) => lifecycle.publishFramework(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/frameworks/:id/derive',
      { schema: { tags, summary: '从已发布版本派生新草稿', params: idParam } },
      async (req, reply) => {
        reply.status(201);
        return lifecycle.deriveFramework(ctx.db, actorOf(req), req.params.id);
      },
    );
    app.get(
      '/frameworks/:id/diff',
      { schema: { tags, summary: '与另一版本比较（按编码）', params: idParam, querystring: frameworkDiffQuery } },
      (req) => lifecycle.diffFrameworks(ctx.db, actorOf(req), req.params.id, req.query.against),
    );
    app.get(
      '/frameworks/:id/export.xlsx',
      { schema: { tags, summary: '导出为 Excel（可再导入）', params: idParam } },
      async (req, reply) => {
        const { name, bytes } = await exportFramework(ctx.db, actorOf(req), req.params.id);
        return sendXlsx(reply, name, bytes);
      },
    );
  };
}
