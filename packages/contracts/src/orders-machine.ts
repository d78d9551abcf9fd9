// Service orders (SPEC 4.8): 群众点单 → 中心审单 → 派单 / 抢单 → 志愿者接单 → 完成 → 群众评单, as data.
import type { Permission } from './permissions';

export const orderStatuses = [
  'submitted',
  'reviewed',
  'dispatched',
  'offered',
  'accepted',
  'completed',
  'rated',
  'returned',
  'rejected',
  'cancelled',
  'merged',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderStatusLabels: Record<OrderStatus, string> = {
  submitted: '待审单',
  reviewed: '待派单',
  dispatched: '已派单',
  offered: '抢单中',
  accepted: '服务中',
  completed: '待评价',
  rated: '已评价',
  returned: '退回中心',
  rejected: '已驳回',
  cancelled: '已取消',
  merged: '已合并',
};

export const orderActions = ['review', 'reject', 'dispatch', 'offer', 'accept', 'complete', 'rate', 'cancel'] as const;
export type OrderAction = (typeof orderActions)[number];
export const orderActionLabels: Record<OrderAction, string> = {
  review: '审单通过',
  reject: '驳回',
  dispatch: '派单',
  offer: '发布抢单',
  accept: '接单',
  complete: '完成服务',
  rate: '评价',
  cancel: '取消',
};

/** The permission each action needs; the actor's scope for it must also cover the order. */
export const orderActionPermissions: Record<OrderAction, Permission> = {
  review: 'order.review',
  reject: 'order.review',
  dispatch: 'order.dispatch',
  offer: 'order.dispatch',
  accept: 'order.accept',
  complete: 'order.accept',
  rate: 'order.rate',
  cancel: 'order.create',
};

/** Who acts: the centre (station), the volunteer, or the resident who ordered. */
export type OrderActorRole = 'centre' | 'volunteer' | 'resident';

/**
 * `when` narrows an edge: `merge` is a review that names `mergeInto` (the order joins an earlier one of the same
 * need and ends as merged); `low_rating` is a rating of 2 or less, which sends the order back to the centre.
 */
export type OrderEdgeCondition = 'merge' | 'low_rating';

export interface OrderTransition {
  from: OrderStatus;
  action: OrderAction;
  to: OrderStatus;
  by: OrderActorRole;
  when?: OrderEdgeCondition;
}

const t = (from: OrderStatus, action: OrderAction, to: OrderStatus, by: OrderActorRole, when?: OrderEdgeCondition) =>
  when ? { from, action, to, by, when } : { from, action, to, by };

/** Every allowed transition; anything else is refused with 409 ORDER_TRANSITION_NOT_ALLOWED. */
export const orderTransitions: readonly OrderTransition[] = [
  t('submitted', 'review', 'merged', 'centre', 'merge'),
  t('submitted', 'review', 'reviewed', 'centre'),
  t('submitted', 'reject', 'rejected', 'centre'),
  t('submitted', 'cancel', 'cancelled', 'resident'),
  t('reviewed', 'dispatch', 'dispatched', 'centre'),
  t('reviewed', 'offer', 'offered', 'centre'),
  t('reviewed', 'cancel', 'cancelled', 'resident'),
  t('returned', 'dispatch', 'dispatched', 'centre'),
  t('returned', 'offer', 'offered', 'centre'),
  t('returned', 'cancel', 'cancelled', 'resident'),
  t('dispatched', 'dispatch', 'dispatched', 'centre'),
  t('dispatched', 'offer', 'offered', 'centre'),
  t('dispatched', 'accept', 'accepted', 'volunteer'),
  t('dispatched', 'cancel', 'cancelled', 'resident'),
  t('offered', 'dispatch', 'dispatched', 'centre'),
  t('offered', 'accept', 'accepted', 'volunteer'),
  t('offered', 'cancel', 'cancelled', 'resident'),
  t('accepted', 'complete', 'completed', 'volunteer'),
  t('completed', 'rate', 'returned', 'resident', 'low_rating'),
  t('completed', 'rate', 'rated', 'resident'),
];

/** Statuses in which an order waits on the centre. */
export const orderCentreStatuses: readonly OrderStatus[] = ['submitted', 'reviewed', 'returned'];
/** Statuses in which an order is open (counts as the volunteer's load when accepted). */
export const openOrderStatuses: readonly OrderStatus[] = [
  'submitted',
  'reviewed',
  'dispatched',
  'offered',
  'accepted',
  'returned',
];
/** Statuses past which the completion target no longer runs. */
export const finishedOrderStatuses: readonly OrderStatus[] = ['completed', 'rated', 'rejected', 'cancelled', 'merged'];
/** Ratings at or below this return the order to the centre. */
export const ORDER_LOW_RATING = 2;

/** The condition an action's input meets, used to pick the edge. */
export function orderEdgeCondition(
  action: OrderAction,
  input: { mergeInto?: string | null; rating?: number | null },
): OrderEdgeCondition | undefined {
  if (action === 'review' && input.mergeInto) return 'merge';
  if (action === 'rate' && input.rating != null && input.rating <= ORDER_LOW_RATING) return 'low_rating';
  return undefined;
}

/** The state an action leads to, or null when the state machine has no such edge. */
export function nextOrderStatus(
  status: OrderStatus,
  action: OrderAction,
  input: { mergeInto?: string | null; rating?: number | null } = {},
): OrderStatus | null {
  const when = orderEdgeCondition(action, input);
  return orderTransitions.find((x) => x.from === status && x.action === action && x.when === when)?.to ?? null;
}

/** The actions a holder of these permissions may take in a state, in table order (scope is checked apart). */
export function allowedOrderActions(status: OrderStatus, permissions: Iterable<string>): OrderAction[] {
  const held = new Set(permissions);
  const all = held.has('*');
  const out: OrderAction[] = [];
  for (const x of orderTransitions)
    if (x.from === status && (all || held.has(orderActionPermissions[x.action])) && !out.includes(x.action))
      out.push(x.action);
  return out;
}

// ---- urgency and response targets ----

export const orderUrgencies = ['routine', 'urgent', 'difficult'] as const;
export type OrderUrgency = (typeof orderUrgencies)[number];
export const orderUrgencyLabels: Record<OrderUrgency, string> = {
  routine: '有事即办',
  urgent: '急事快办',
  difficult: '难事帮办',
};

/** Hours from ordering to acceptance (response) and to completion (due), by urgency. */
export const orderResponseTargets: Record<OrderUrgency, { respondHours: number; completeHours: number }> = {
  urgent: { respondHours: 2, completeHours: 24 },
  routine: { respondHours: 24, completeHours: 72 },
  difficult: { respondHours: 72, completeHours: 15 * 24 },
};

/** When the order should be accepted and completed. */
export function orderTargets(urgency: OrderUrgency, createdAt: Date): { respondBy: Date; dueAt: Date } {
  const t = orderResponseTargets[urgency];
  return {
    respondBy: new Date(createdAt.getTime() + t.respondHours * 3600_000),
    dueAt: new Date(createdAt.getTime() + t.completeHours * 3600_000),
  };
}

export const orderKinds = ['menu', 'need', 'wish'] as const;
export type OrderKind = (typeof orderKinds)[number];
export const orderKindLabels: Record<OrderKind, string> = { menu: '菜单点单', need: '需求描述', wish: '微心愿' };

export const serviceCategories = [
  'life',
  'elderly',
  'health',
  'education',
  'culture',
  'legal',
  'environment',
  'other',
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];
export const serviceCategoryLabels: Record<ServiceCategory, string> = {
  life: '生活服务',
  elderly: '助老扶幼',
  health: '医疗健康',
  education: '教育辅导',
  culture: '文化体育',
  legal: '法律咨询',
  environment: '环境整治',
  other: '其他',
};
