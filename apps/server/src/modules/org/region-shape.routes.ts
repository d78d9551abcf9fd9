import { regionShapeQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { listRegionShapes } from './region-shape.service';

/** Region outlines (GeoJSON) of one level. */
export function regionShapeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/region-shapes',
      { schema: { tags: ['regions 区划'], summary: '区划边界（GeoJSON，按层级）', querystring: regionShapeQuery } },
      (req) => listRegionShapes(ctx.db, actorOf(req), req.query),
    );
  };
}
