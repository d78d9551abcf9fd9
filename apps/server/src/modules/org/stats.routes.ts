import { orgStatsQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { getOrgStats } from './stats.service';

const tags = ['org stats 组织统计'];

export function orgStatsRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/org/stats',
      {
        config: { readReplica: true },
        schema: {
          tags,
          summary: '组织统计（区划、单位、人员、阵地及“五有”达标、网格、包联、点位），按数据范围计数',
          querystring: orgStatsQuery,
        },
      },
      (req) => getOrgStats(req.db, actorOf(req), req.query),
    );
  };
}
