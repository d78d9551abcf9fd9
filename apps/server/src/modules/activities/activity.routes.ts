import {
  activityBody,
  activityListQuery,
  checkBody,
  idParam,
  pageQuery,
  projectBody,
  projectUpdateBody,
  signupStatuses,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { createProject, getProject, listProjects, updateProject } from './activity-project.service';
import { checkInOrOut, currentQr } from './activity-check.service';
import { cancelSignUp, listSignups, signUp } from './activity-signup.service';
import { cancelActivity, createActivity, getActivity, listActivities } from './activity.service';

export const tags = ['activities 志愿服务活动'];

/** Activities, projects, sign-up and waitlist, and QR check-in/out. */
export function activityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/activities',
      { schema: { tags, summary: '活动列表（即将开始/已结束/我报名的）', querystring: activityListQuery } },
      (req) => listActivities(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/activities',
      { schema: { tags, summary: '发布活动（时间、地点、签到范围、招募人数、报名条件）', body: activityBody } },
      async (req, reply) => {
        reply.status(201);
        return createActivity(ctx, actorOf(req), req.body);
      },
    );
    app.get('/activities/:id', { schema: { tags, summary: '活动详情（含我的报名）', params: idParam } }, (req) =>
      getActivity(ctx.db, actorOf(req), req.params.id),
    );
    app.post('/activities/:id/cancel', { schema: { tags, summary: '取消活动', params: idParam } }, (req) =>
      cancelActivity(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/activities/:id/signup',
      { schema: { tags, summary: '报名（满员时进入候补）', params: idParam } },
      (req) => signUp(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/activities/:id/signup/cancel',
      { schema: { tags, summary: '取消报名（候补者依次递补）', params: idParam } },
      (req) => cancelSignUp(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/activities/:id/signups',
      {
        schema: {
          tags,
          summary: '报名、签到与时长名单（组织者）',
          params: idParam,
          querystring: pageQuery.extend({ status: z.enum(signupStatuses).optional() }),
        },
      },
      (req) => listSignups(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/activities/:id/qr',
      { schema: { tags, summary: '当前签到二维码（约 30 秒轮换）', params: idParam } },
      (req) => currentQr(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/activities/:id/check',
      { schema: { tags, summary: '扫码签到/签退（时间窗与地理围栏内）', params: idParam, body: checkBody } },
      (req) => checkInOrOut(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get('/activity-projects', { schema: { tags, summary: '项目（品牌项目）列表' } }, (req) =>
      listProjects(ctx.db, actorOf(req)),
    );
    app.post('/activity-projects', { schema: { tags, summary: '新建项目', body: projectBody } }, async (req, reply) => {
      reply.status(201);
      return createProject(ctx.db, actorOf(req), req.body);
    });
    app.get('/activity-projects/:id', { schema: { tags, summary: '项目详情（含所属活动）', params: idParam } }, (req) =>
      getProject(ctx.db, actorOf(req), req.params.id),
    );
    app.put(
      '/activity-projects/:id',
      { schema: { tags, summary: '修改项目（带版本号）', params: idParam, body: projectUpdateBody } },
      (req) => updateProject(ctx, actorOf(req), req.params.id, req.body),
    );
  };
}
