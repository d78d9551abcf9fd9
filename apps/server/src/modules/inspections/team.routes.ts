import { idParam, inspectionTeamBody, inspectionTeamParams, inspectorListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as teams from './team.service';

const tags = ['inspection plans 测评计划'];

/** Inspection teams (督查组) of a plan, with their members; each answer is the plan with its teams. */
export function teamRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inspectors',
      { schema: { tags, summary: '可选的督查组成员（有测评权限的在用账号）', querystring: inspectorListQuery } },
      (req) => teams.listInspectors(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/inspection-plans/:id/teams',
      { schema: { tags, summary: '新建督查组（成员须有测评权限）', params: idParam, body: inspectionTeamBody } },
      async (req, reply) => {
        reply.status(201);
        return teams.createTeam(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.put(
      '/inspection-plans/:id/teams/:teamId',
      { schema: { tags, summary: '修改督查组名称与成员', params: inspectionTeamParams, body: inspectionTeamBody } },
      (req) => teams.updateTeam(ctx.db, actorOf(req), req.params.id, req.params.teamId, req.body),
    );
    app.delete(
      '/inspection-plans/:id/teams/:teamId',
      { schema: { tags, summary: '删除督查组（其点位改为未分配）', params: inspectionTeamParams } },
      (req) => teams.deleteTeam(ctx.db, actorOf(req), req.params.id, req.params.teamId),
    );
  };
}
