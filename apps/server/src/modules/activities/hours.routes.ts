import {
  attendanceCloseBody,
  attendanceCorrectBody,
  attendanceParams,
  certificateBody,
  hoursConfirmBody,
  idParam,
  stationMonthQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { requireMyVolunteerId } from '../volunteers';
import { listMyNotices } from './activity-signup.service';
import { closeCheckout, confirmHours, correctAttendance, listMyHours } from './activity-hours.service';
import { certificatePdf, getCertificate, issueCertificate, listCertificates } from './certificate.service';
import { stationMonth, volunteerOverview } from './station-stats.service';
import { tags } from './activity.routes';
import { sendFile } from '../../platform/http-files';

/** Attendance fixes, hour confirmation, my hours and notices, certificates, and station figures. */
export function hoursRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/activities/:id/attendance/:volunteerId/close',
      { schema: { tags, summary: '代为签退（忘记签退，标记）', params: attendanceParams, body: attendanceCloseBody } },
      (req) => closeCheckout(ctx.db, actorOf(req), req.params.id, req.params.volunteerId, req.body.checkOutAt),
    );
    app.post(
      '/activities/:id/attendance/:volunteerId/correct',
      {
        schema: {
          tags,
          summary: '更正签到签退时间（须说明原因，留痕）',
          params: attendanceParams,
          body: attendanceCorrectBody,
        },
      },
      (req) => correctAttendance(ctx.db, actorOf(req), req.params.id, req.params.volunteerId, req.body),
    );
    app.post(
      '/activities/:id/hours/confirm',
      {
        schema: {
          tags,
          summary: '确认服务时长（谁记录谁证明；确认后计入累计与时间银行）',
          params: idParam,
          body: hoursConfirmBody,
        },
      },
      (req) => confirmHours(ctx.db, actorOf(req), req.params.id, req.body.volunteerIds),
    );
    app.get('/volunteers/me/hours', { schema: { tags, summary: '我的服务记录与时长' } }, async (req) => {
      const actor = actorOf(req);
      return listMyHours(ctx.db, actor, (await requireMyVolunteerId(ctx.db, actor)).id);
    });
    app.get('/volunteers/me/notices', { schema: { tags, summary: '我的活动提醒与候补通知' } }, (req) =>
      listMyNotices(ctx.db, actorOf(req)),
    );
    app.post(
      '/volunteers/:id/certificates',
      { schema: { tags, summary: '开具志愿服务证明', params: idParam, body: certificateBody } },
      async (req, reply) => {
        reply.status(201);
        return issueCertificate(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.get('/volunteers/:id/certificates', { schema: { tags, summary: '志愿服务证明列表', params: idParam } }, (req) =>
      listCertificates(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/certificates/:id', { schema: { tags, summary: '志愿服务证明', params: idParam } }, (req) =>
      getCertificate(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/certificates/:id/pdf',
      { schema: { tags, summary: '志愿服务证明 PDF', params: idParam } },
      async (req, reply) => {
        const f = await certificatePdf(ctx.db, actorOf(req), req.params.id);
        return sendFile(reply, f, true);
      },
    );
    app.get(
      '/volunteer-stats/stations',
      {
        config: { readReplica: true },
        schema: { tags, summary: '阵地月度统计（一月一活动）', querystring: stationMonthQuery },
      },
      (req) => stationMonth(req.db, actorOf(req), req.query),
    );
    app.get(
      '/volunteer-stats/overview',
      { config: { readReplica: true }, schema: { tags, summary: '志愿服务总体数据（阵地、队伍、志愿者、时长）' } },
      (req) => volunteerOverview(req.db, actorOf(req)),
    );
  };
}
