import { idParam } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasCityScope, requirePermission } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/errors';
import { actorOf } from '../../platform/http';
import { sendFile } from '../../platform/http-files';

const optionalDate = (v: unknown) => {
  if (typeof v !== 'string' || !v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const field = (fields: Record<string, any>, name: string): string | null => {
  const f = fields[name];
  return f && typeof f.value === 'string' && f.value ? f.value.slice(0, 255) : null;
};

/** Files (upload, download through permission checks) and job status. */
export function platformRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/files',
      {
        schema: {
          tags: ['files 文件'],
          summary: '上传文件（multipart：file，可带 id、clientTime、gpsLat、gpsLng、device）',
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        requirePermission(actor, 'file.upload');
        const part = await req.file();
        if (!part) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'file', key: 'required' }] });
        const bytes = await part.toBuffer();
        const f = part.fields as Record<string, any>;
        const id = field(f, 'id');
        if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
          throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'id', key: 'invalid_format' }] });
        const stored = await ctx.files.save(ctx.db, actor, bytes, {
          id: id ?? undefined,
          name: part.filename || 'file',
          clientTime: optionalDate(field(f, 'clientTime')),
          gpsLat: field(f, 'gpsLat'),
          gpsLng: field(f, 'gpsLng'),
          device: field(f, 'device'),
        });
        reply.status(201);
        return stored;
      },
    );
    app.get('/files/:id/meta', { schema: { tags: ['files 文件'], summary: '文件元数据', params: idParam } }, (req) =>
      ctx.files.get(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/files/:id',
      { schema: { tags: ['files 文件'], summary: '下载文件（经权限校验）', params: idParam } },
      async (req, reply) => {
        const f = await ctx.files.get(ctx.db, actorOf(req), req.params.id);
        return sendFile(reply, { name: f.name, contentType: f.contentType, bytes: ctx.files.read(f.sha256) });
      },
    );
    app.get('/jobs/:id', { schema: { tags: ['jobs 任务'], summary: '后台任务进度', params: idParam } }, async (req) => {
      const actor = actorOf(req);
      const job = (await ctx.jobs.get(ctx.db, actor.tenantId, req.params.id)) as any;
      // A job is visible to whoever started it, and to a tenant-wide holder of job.read (sysadmin, the city
      // office: they watch imports, exports and the scheduled runs). Anyone else, a district office or a station
      // included, gets the same 404 as for a job that does not exist: other people's jobs carry their files.
      if (job.createdBy !== actor.accountId && !hasCityScope(actor, 'job.read')) throw fail('JOB_NOT_FOUND');
      const { createdBy: _c, ...view } = job;
      return view;
    });
  };
}
