import { describe, expect, it } from 'vitest';
import {
  allowedOrderActions,
  nextOrderStatus,
  orderActions,
  orderStatuses,
  orderTargets,
  orderTransitions,
  renderCandidateReason,
} from './index';

describe('order state machine', () => {
  it('sends a rating of 2 or less back to the centre and a merge review to merged', () => {
    expect(nextOrderStatus('completed', 'rate', { rating: 5 })).toBe('rated');
    expect(nextOrderStatus('completed', 'rate', { rating: 2 })).toBe('returned');
    expect(nextOrderStatus('submitted', 'review', { mergeInto: 'x' })).toBe('merged');
    expect(nextOrderStatus('submitted', 'review')).toBe('reviewed');
    expect(nextOrderStatus('submitted', 'accept')).toBeNull();
    expect(nextOrderStatus('accepted', 'cancel', { reason: 'x' } as never)).toBeNull();
  });
  it('lists only known statuses and actions, and finished states have no way out', () => {
    for (const x of orderTransitions) {
      expect(orderStatuses).toContain(x.from);
      expect(orderStatuses).toContain(x.to);
      expect(orderActions).toContain(x.action);
    }
    for (const s of ['rated', 'rejected', 'cancelled', 'merged'] as const)
      expect(allowedOrderActions(s, ['*'])).toEqual([]);
    expect(allowedOrderActions('offered', ['order.accept'])).toEqual(['accept']);
  });
  it('sets targets by urgency and renders reasons in three languages', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(orderTargets('urgent', at).respondBy.toISOString()).toBe('2026-01-01T02:00:00.000Z');
    const r = { code: 'distance' as const, params: { km: 0.8 } };
    expect(renderCandidateReason(r, 'zh-CN')).toBe('距离 0.8 公里');
    expect(renderCandidateReason(r, 'en')).toBe('0.8 km away');
    expect(
      renderCandidateReason({ code: 'skill_match', params: { skill: 'repair' } }, 'zh-CN', { repair: '家电维修' }),
    ).toBe('技能匹配：家电维修');
  });
});
