import type { OrderAction, OrderKind, OrderStatus, OrderUrgency, ServiceCategory } from '@wenming/contracts';
import { type Names, prefixed } from '../../app/messages/names';
import type { Dict } from '../../app/messages/types';

/** Order states, one wording on the desktop and the phone. */
export const statuses: Names<OrderStatus> = {
  submitted: ['待审单', '待審單', 'To review'],
  reviewed: ['待派单', '待派單', 'To dispatch'],
  dispatched: ['已派单', '已派單', 'Dispatched'],
  offered: ['抢单中', '搶單中', 'Open to grab'],
  accepted: ['服务中', '服務中', 'In service'],
  completed: ['待评价', '待評價', 'To rate'],
  rated: ['已评价', '已評價', 'Rated'],
  returned: ['退回中心', '退回中心', 'Back at the centre'],
  rejected: ['已驳回', '已駁回', 'Rejected'],
  cancelled: ['已取消', '已取消', 'Cancelled'],
  merged: ['已合并', '已合併', 'Merged'],
};
const actions: Names<OrderAction> = {
  review: ['审单通过', '審單通過', 'Accept'],
  reject: ['驳回', '駁回', 'Reject'],
  dispatch: ['派单', '派單', 'Dispatch'],
  offer: ['发布抢单', '發布搶單', 'Offer for grabbing'],
  accept: ['接单', '接單', 'Take'],
  complete: ['完成服务', '完成服務', 'Complete'],
  rate: ['评价', '評價', 'Rate'],
  cancel: ['取消', '取消', 'Cancel'],
};
export const urgencies: Names<OrderUrgency> = {
  routine: ['有事即办', '有事即辦', 'Routine'],
  urgent: ['急事快办', '急事快辦', 'Urgent'],
  difficult: ['难事帮办', '難事幫辦', 'Difficult'],
};
export const kinds: Names<OrderKind> = {
  menu: ['菜单点单', '選單點單', 'From the menu'],
  need: ['需求描述', '需求描述', 'Described need'],
  wish: ['微心愿', '微心願', 'Small wish'],
};
export const categories: Names<ServiceCategory> = {
  life: ['生活服务', '生活服務', 'Daily life'],
  elderly: ['助老扶幼', '助老扶幼', 'Elderly and children'],
  health: ['医疗健康', '醫療健康', 'Health'],
  education: ['教育辅导', '教育輔導', 'Education'],
  culture: ['文化体育', '文化體育', 'Culture and sports'],
  legal: ['法律咨询', '法律諮詢', 'Legal advice'],
  environment: ['环境整治', '環境整治', 'Environment'],
  other: ['其他', '其他', 'Other'],
};

export const orderEnumMessages: Dict = {
  ...prefixed('orderStatus', statuses),
  ...prefixed('orderAction', actions),
  'orderAction.create': ['点单', '點單', 'Ordered'],
  ...prefixed('orderUrgency', urgencies),
  ...prefixed('orderKind', kinds),
  ...prefixed('svcCategory', categories),
};
