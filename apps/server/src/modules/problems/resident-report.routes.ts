import { residentReportFields, validationMessages } from '@wenming/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/errors';
import { findCategories } from './problem-category.service';
import { resolvePublicTenant, submitResidentReport, trackResidentReport } from './resident-report.service';

const tags = ['problems 问题清单'];
/** Reports per client address and minute: enough for a person, too few for a script. */
export const RESIDENT_REPORTS_PER_MINUTE = 10;

/** All text fields and the one photo (field `file`) of a multipart report. */
async function readReport(req: FastifyRequest) {
  if (!req.isMultipart()) throw fail('UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let photo: { bytes: Buffer; name: string } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') photo = { bytes, name: part.filename || 'photo.jpg' };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!photo) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'file', key: 'required' }] });
  const parsed = residentReportFields.safeParse(fields);
  if (!parsed.success) {
    const fieldKeys = parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(body)';
      if (fields[field] === undefined) return { field, key: 'required' };
      return { field, key: validationMessages[i.message] ? i.message : 'invalid_format' };
    });
    throw fail('VALIDATION_FAILED', { fieldKeys });
  }
  return { fields: parsed.data, photo };
}

const tenantQuery = z.object({ tenant: z.string().max(64).optional() });
const reportOptions = {
  schema: {
    tags,
    summary: '随手拍：群众上报问题（multipart：file 照片，category、description、lat、lng，可带 contact）',
    consumes: ['multipart/form-data'],
  },
  config: { public: true, rateLimit: { max: RESIDENT_REPORTS_PER_MINUTE, timeWindow: '1 minute' } },
};
const trackOptions = {
  schema: {
    tags,
    summary: '随手拍：按编号查询办理状态（公开）',
    params: z.object({ number: z.string().max(40) }),
    querystring: tenantQuery,
  },
  config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
};

/** The public phone page's routes: categories, the report (随手拍, rate-limited per address) and its state. */
export function residentReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/problem-categories',
      { schema: { tags, summary: '随手拍：问题类别（公开）', querystring: tenantQuery }, config: { public: true } },
      async (req) => {
        const tenant = await resolvePublicTenant(ctx.db, req.query.tenant, ctx.config.defaultTenant);
        const list = await findCategories(ctx.db, tenant.id);
        return list.map(({ code, name, description, group }) => ({ code, name, description, group }));
      },
    );
    app.post('/public/problem-reports', reportOptions, async (req, reply) => {
      const { fields, photo } = await readReport(req);
      reply.status(201);
      // A signed-in resident's report is theirs (我的上报); without a session it is anonymous.
      return submitResidentReport(ctx, fields, photo, { ip: req.ip, requestId: req.id, actor: req.session?.actor });
    });
    app.get('/public/problem-reports/:number', trackOptions, (req) =>
      trackResidentReport(ctx, req.query.tenant, req.params.number),
    );
  };
}
