// Error codes of the venues module (场馆预约).
import { defineErrors } from './errors';

export const venueErrors = defineErrors({
  VENUE_NOT_FOUND: { status: 404, message: ['场馆不存在或无权查看', '場館不存在或無權查看', 'Venue not found'] },
  VENUE_BOOKING_NOT_FOUND: {
    status: 404,
    message: ['预约不存在或无权查看', '預約不存在或無權查看', 'Booking not found'],
  },
  VENUE_SLOT_FULL: {
    status: 409,
    message: [
      '该时段名额已满，请选择其他时段',
      '該時段名額已滿，請選擇其他時段',
      'This slot is full; choose another one',
    ],
  },
  VENUE_SLOT_CLOSED: {
    status: 409,
    message: [
      '该时段不开放预约，请选择其他时段',
      '該時段不開放預約，請選擇其他時段',
      'The venue is not open for booking at this time',
    ],
  },
  VENUE_PARTY_TOO_LARGE: {
    status: 422,
    message: ['预约人数超过单次上限', '預約人數超過單次上限', 'The party is larger than one booking may be'],
  },
  VENUE_BOOKING_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: ['预约当前状态不允许此操作', '預約當前狀態不允許此操作', 'The booking is not in a state that allows this'],
  },
  VENUE_CANCEL_TOO_LATE: {
    status: 422,
    message: ['已过取消时限，不能再取消', '已過取消時限，不能再取消', 'The time to cancel this booking has passed'],
  },
  VENUE_CHECK_IN_OUTSIDE_SLOT: {
    status: 422,
    message: [
      '不在预约时段内，不能签到',
      '不在預約時段內，不能簽到',
      'Check-in is only possible during the booked slot',
    ],
  },
  VENUE_SLOT_NOT_OVER: {
    status: 422,
    message: ['预约时段尚未结束，不能标记未到场', '預約時段尚未結束，不能標記未到場', 'The slot has not ended yet'],
  },
  VENUE_TICKET_UNKNOWN: {
    status: 404,
    message: ['票码无效或不属于本场馆', '票碼無效或不屬於本場館', 'Unknown ticket'],
  },
  VENUE_STALE_VERSION: {
    status: 409,
    message: [
      '场馆信息已被他人修改，请刷新后重试',
      '場館資訊已被他人修改，請重新整理後重試',
      'The venue was changed by someone else; reload and retry',
    ],
  },
});
