import {
  idParam,
  volunteerCreateBody,
  volunteerListQuery,
  volunteerSettingsBody,
  volunteerUpdateBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { getVolunteerSettings, saveVolunteerSettings } from './volunteer-settings.service';
import {
  findMyVolunteer,
  getVolunteer,
  listVolunteers,
  registerVolunteer,
  revealVolunteer,
  updateVolunteer,
} from './volunteer.service';

export const tags = ['volunteers 志愿者'];

/** Volunteer registration, records, and the hour/star settings. */
export function volunteerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/volunteers',
      { schema: { tags, summary: '志愿者名册（范围内，证件号与手机号脱敏）', querystring: volunteerListQuery } },
      (req) => listVolunteers(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/volunteers',
      {
        schema: {
          tags,
          summary: '注册志愿者（本人注册并关联账号，或阵地代为注册；同一身份证号重复注册 409）',
          body: volunteerCreateBody,
        },
      },
      async (req, reply) => {
        const created = await registerVolunteer(ctx, actorOf(req), req.body);
        reply.status(201);
        return created;
      },
    );
    app.get('/volunteers/me', { schema: { tags, summary: '我的志愿者档案（未注册时为 null）' } }, (req) =>
      findMyVolunteer(ctx.db, actorOf(req)),
    );
    app.get('/volunteers/:id', { schema: { tags, summary: '志愿者详情', params: idParam } }, (req) =>
      getVolunteer(ctx.db, actorOf(req), req.params.id),
    );
    app.put(
      '/volunteers/:id',
      { schema: { tags, summary: '修改志愿者档案（带 version）', params: idParam, body: volunteerUpdateBody } },
      (req) => updateVolunteer(ctx, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/volunteers/:id/reveal',
      { schema: { tags, summary: '查看完整证件号与手机号（留痕）', params: idParam } },
      (req) => revealVolunteer(ctx, actorOf(req), req.params.id),
    );
    app.get('/volunteer-settings', { schema: { tags, summary: '时长折算规则与星级门槛' } }, (req) => {
      actorOf(req);
      return getVolunteerSettings(ctx.db, actorOf(req).tenantId);
    });
    app.put(
      '/volunteer-settings',
      { schema: { tags, summary: '修改时长折算规则与星级门槛（全市管理员）', body: volunteerSettingsBody } },
      (req) => saveVolunteerSettings(ctx.db, actorOf(req), req.body),
    );
  };
}
