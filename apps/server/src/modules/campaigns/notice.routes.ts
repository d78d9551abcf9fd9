import { idParam, noticeListQuery, reminderLetterBody, summonsBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as notices from './notice.service';
import { sendFile } from '../../platform/http-files';

const tags = ['notices 提醒与约谈'];

/** A unit's notices: reminders, overdue notices, reminder letters (Word) and summons. */
export function noticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/units/:id/notices',
      { schema: { tags, summary: '单位的提醒、提醒函与约谈记录', params: idParam, querystring: noticeListQuery } },
      (req) => notices.listUnitNotices(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/units/:id/reminder-letters',
      { schema: { tags, summary: '单位的提醒函', params: idParam, querystring: noticeListQuery.omit({ kind: true }) } },
      (req) => notices.listUnitNotices(ctx.db, actorOf(req), req.params.id, { ...req.query, kind: 'reminder_letter' }),
    );
    app.post(
      '/units/:id/reminder-letters',
      { schema: { tags, summary: '为逾期任务生成提醒函（Word）', params: idParam, body: reminderLetterBody } },
      async (req, reply) => {
        reply.status(201);
        return notices.createReminderLetter(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/units/:id/summons',
      { schema: { tags, summary: '记录约谈', params: idParam, body: summonsBody } },
      async (req, reply) => {
        reply.status(201);
        return notices.recordSummons(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.get('/notices/:id/file', { schema: { tags, summary: '下载提醒函文件', params: idParam } }, async (req, reply) =>
      sendFile(reply, await notices.getNoticeFile(ctx, actorOf(req), req.params.id)),
    );
  };
}
