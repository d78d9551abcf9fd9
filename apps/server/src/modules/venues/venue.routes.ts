// Venue routes under /api/v1: venues and their slots, bookings, tickets, review, check-in, no-shows and usage.
import {
  bookingBody,
  bookingListQuery,
  bookingReviewBody,
  checkInBody,
  idParam,
  venueBody,
  venueListQuery,
  venueSlotQuery,
  venueUpdateBody,
  venueUsageQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import {
  cancelBooking,
  checkIn,
  listMyBookings,
  listVenueBookings,
  markNoShow,
  markVenueNoShows,
  reviewBooking,
} from './booking-flow.service';
import { bookVenue, bookingTicket, getBooking } from './booking.service';
import { changeVenue, createVenue, getVenue, listVenuePage, listVenueSlots, venueUsage } from './venue.service';

const tags = ['venues 场馆预约'];

/** Venues, their slot calendar and usage. */
export function venueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/venues', { schema: { tags, summary: '场馆列表', querystring: venueListQuery } }, (req) =>
      listVenuePage(ctx.db, actorOf(req), req.query),
    );
    app.post('/venues', { schema: { tags, summary: '新增场馆', body: venueBody } }, async (req, reply) =>
      reply.status(201).send(await createVenue(ctx.db, actorOf(req), req.body)),
    );
    app.get('/venues/:id', { schema: { tags, summary: '场馆详情', params: idParam } }, (req) =>
      getVenue(ctx.db, actorOf(req), req.params.id),
    );
    app.put('/venues/:id', { schema: { tags, summary: '修改场馆', params: idParam, body: venueUpdateBody } }, (req) =>
      changeVenue(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/venues/:id/slots',
      { schema: { tags, summary: '可预约时段及余量', params: idParam, querystring: venueSlotQuery } },
      (req) => listVenueSlots(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/venues/:id/usage',
      { schema: { tags, summary: '场馆月度使用率', params: idParam, querystring: venueUsageQuery } },
      (req) => venueUsage(ctx.db, actorOf(req), req.params.id, req.query),
    );
  };
}

/** Bookings: make, read, review, cancel, check in, no-shows. */
export function bookingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/venues/:id/bookings',
      {
        schema: {
          tags,
          summary: '预约时段（团体预约须审核；满额或不开放时 409 并给出最近可约时段）',
          params: idParam,
          body: bookingBody,
        },
      },
      async (req, reply) => reply.status(201).send(await bookVenue(ctx.db, actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/venues/:id/bookings',
      { schema: { tags, summary: '场馆预约记录（管理员）', params: idParam, querystring: bookingListQuery } },
      (req) => listVenueBookings(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/venues/:id/check-in',
      { schema: { tags, summary: '现场核验签到（扫码或输入票码）', params: idParam, body: checkInBody } },
      (req) => checkIn(ctx.db, actorOf(req), req.params.id, req.body.token),
    );
    app.post(
      '/venues/:id/no-shows',
      { schema: { tags, summary: '将已结束时段未签到的预约标记为未到场', params: idParam } },
      (req) => markVenueNoShows(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/my/venue-bookings', { schema: { tags, summary: '我的预约', querystring: bookingListQuery } }, (req) =>
      listMyBookings(ctx.db, actorOf(req), req.query),
    );
    app.get('/venue-bookings/:id', { schema: { tags, summary: '预约详情', params: idParam } }, (req) =>
      getBooking(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/venue-bookings/:id/ticket', { schema: { tags, summary: '预约票（二维码）', params: idParam } }, (req) =>
      bookingTicket(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/venue-bookings/:id/review',
      { schema: { tags, summary: '审核团体预约', params: idParam, body: bookingReviewBody } },
      (req) => reviewBooking(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post('/venue-bookings/:id/cancel', { schema: { tags, summary: '取消预约', params: idParam } }, (req) =>
      cancelBooking(ctx.db, actorOf(req), req.params.id),
    );
    app.post('/venue-bookings/:id/no-show', { schema: { tags, summary: '标记未到场', params: idParam } }, (req) =>
      markNoShow(ctx.db, actorOf(req), req.params.id),
    );
  };
}
