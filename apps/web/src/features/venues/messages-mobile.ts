import type { Dict } from '../../app/messages/types';

/** 场馆预约 on the phone: browse venues, book a slot, my tickets with their QR codes. */
export const venueMobileMessages: Dict = {
  'mven.title': ['场馆预约', '場館預約', 'Book a venue'],
  'mven.hint': ['党史馆、展厅、活动室预约参观', '黨史館、展廳、活動室預約參觀', 'Book a visit to a hall or room'],
  'mven.tickets': ['我的预约', '我的預約', 'My tickets'],
  'mven.free': ['余 {{n}}', '餘 {{n}}', '{{n}} left'],
  'mven.full': ['已约满', '已約滿', 'Full'],
  'mven.book': ['预约', '預約', 'Book'],
  'mven.contact': ['联系人', '聯絡人', 'Contact name'],
  'mven.phone': ['联系电话', '聯絡電話', 'Phone'],
  'mven.party': ['人数', '人數', 'People'],
  'mven.booked': ['预约成功', '預約成功', 'Booked'],
  'mven.showAtDoor': ['入馆时出示二维码或票码', '入館時出示二維碼或票碼', 'Show this code at the door'],
  'mven.cancel': ['取消预约', '取消預約', 'Cancel booking'],
  'mven.none': ['暂无预约', '暫無預約', 'No bookings yet'],
};
