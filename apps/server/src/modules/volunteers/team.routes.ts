import {
  idParam,
  teamAddMemberBody,
  teamBody,
  teamDecisionBody,
  teamJoinBody,
  teamListQuery,
  teamMemberListQuery,
  teamMemberParams,
  teamUpdateBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { addMember, decideJoin, leaveTeam, listMyTeams, listTeamMembers, requestToJoin } from './team-member.service';
import { createTeam, getTeam, listTeams, updateTeam } from './team.service';

const tags = ['teams 志愿服务队伍'];

/** Teams (总队/支队/小队/专业队) and membership with join requests and approval. */
export function teamRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/teams', { schema: { tags, summary: '队伍列表', querystring: teamListQuery } }, (req) =>
      listTeams(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/teams',
      { schema: { tags, summary: '新建队伍（由阵地或单位牵头）', body: teamBody } },
      async (req, reply) => {
        reply.status(201);
        return createTeam(ctx.db, actorOf(req), req.body);
      },
    );
    app.get('/teams/mine', { schema: { tags, summary: '我加入或申请的队伍' } }, (req) =>
      listMyTeams(ctx.db, actorOf(req)),
    );
    app.get('/teams/:id', { schema: { tags, summary: '队伍详情', params: idParam } }, (req) =>
      getTeam(ctx.db, actorOf(req), req.params.id),
    );
    app.put('/teams/:id', { schema: { tags, summary: '修改队伍', params: idParam, body: teamUpdateBody } }, (req) =>
      updateTeam(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/teams/:id/members',
      { schema: { tags, summary: '队员与入队申请', params: idParam, querystring: teamMemberListQuery } },
      (req) => listTeamMembers(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/teams/:id/members',
      { schema: { tags, summary: '直接添加队员', params: idParam, body: teamAddMemberBody } },
      (req) => addMember(ctx.db, actorOf(req), req.params.id, req.body.volunteerId, req.body.role),
    );
    app.post('/teams/:id/join', { schema: { tags, summary: '申请入队', params: idParam, body: teamJoinBody } }, (req) =>
      requestToJoin(ctx.db, actorOf(req), req.params.id, req.body.note),
    );
    app.post('/teams/:id/leave', { schema: { tags, summary: '退出队伍', params: idParam } }, (req) =>
      leaveTeam(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/teams/:id/members/:volunteerId/decision',
      { schema: { tags, summary: '审批入队申请', params: teamMemberParams, body: teamDecisionBody } },
      (req) =>
        decideJoin(ctx.db, actorOf(req), req.params.id, req.params.volunteerId, req.body.decision, req.body.note),
    );
  };
}
