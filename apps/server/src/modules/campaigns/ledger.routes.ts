import { idParam, ledgerEntryBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { addLedgerEntry, listLedger } from './task-flow.service';

const tags = ['tasks 任务'];

/** A task's ledger (工作台账): progress reports with evidence. */
export function ledgerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/tasks/:id/ledger', { schema: { tags, summary: '工作台账', params: idParam } }, (req) =>
      listLedger(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/tasks/:id/ledger',
      {
        schema: {
          tags,
          summary: '报送工作台账（文字与佐证材料；带 id 可重发）',
          params: idParam,
          body: ledgerEntryBody,
        },
      },
      async (req, reply) => {
        const { entry, created } = await addLedgerEntry(ctx.db, actorOf(req), req.params.id, req.body);
        reply.status(created ? 201 : 200);
        return entry;
      },
    );
  };
}
