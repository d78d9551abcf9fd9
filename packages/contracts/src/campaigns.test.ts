import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTaskActions,
  campaignBody,
  nextTaskState,
  taskActions,
  taskActorRoles,
  taskStates,
  taskTransitionBody,
  taskTransitions,
} from './campaigns';

const allowed: Record<string, string> = {
  'assigned:start': 'in_progress',
  'returned:start': 'in_progress',
  'assigned:report': 'reported',
  'in_progress:report': 'reported',
  'returned:report': 'reported',
  'overdue:report': 'reported',
  'reported:accept': 'accepted',
  'reported:return': 'returned',
  'assigned:mark_overdue': 'overdue',
  'in_progress:mark_overdue': 'overdue',
  'returned:mark_overdue': 'overdue',
};

describe('task state machine', () => {
  it('allows exactly the transitions of the table and refuses every other pair', () => {
    for (const s of taskStates)
      for (const a of taskActions) expect(nextTaskState(s, a), `${s} + ${a}`).toBe(allowed[`${s}:${a}`] ?? null);
  });

  it('follows the full loop assign → report → return → report → accept', () => {
    let s = nextTaskState('assigned', 'start')!;
    for (const a of ['report', 'return', 'start', 'report', 'accept'] as const) s = nextTaskState(s, a)!;
    expect(s).toBe('accepted');
  });

  it('gives each role only its own actions', () => {
    expect(allowedTaskActions('assigned', 'unit')).toEqual(['start', 'report']);
    expect(allowedTaskActions('assigned', 'office')).toEqual([]);
    expect(allowedTaskActions('reported', 'office')).toEqual(['accept', 'return']);
    expect(allowedTaskActions('reported', 'unit')).toEqual([]);
    expect(allowedTaskActions('overdue', 'unit')).toEqual(['report']);
    expect(allowedTaskActions('in_progress', 'system')).toEqual(['mark_overdue']);
    for (const r of taskActorRoles) expect(allowedTaskActions('accepted', r)).toEqual([]);
  });

  it('agrees between allowedTaskActions and nextTaskState for any state and role', () => {
    fc.assert(
      fc.property(fc.constantFrom(...taskStates), fc.constantFrom(...taskActorRoles), (s, r) => {
        for (const a of allowedTaskActions(s, r)) expect(nextTaskState(s, a)).not.toBeNull();
        const byRole = taskTransitions.filter((x) => x.from === s && x.by !== r).map((x) => x.action);
        for (const a of byRole) expect(allowedTaskActions(s, r)).not.toContain(a);
      }),
    );
  });

  it('never leaves accepted, and only the job makes a task overdue', () => {
    for (const a of taskActions) expect(nextTaskState('accepted', a)).toBeNull();
    expect(taskTransitions.filter((x) => x.to === 'overdue').every((x) => x.by === 'system')).toBe(true);
  });
});

describe('bodies', () => {
  it('requires a reason to return a task', () => {
    const r = taskTransitionBody.safeParse({ action: 'return' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
    expect(taskTransitionBody.safeParse({ action: 'return', reason: '材料不全' }).success).toBe(true);
    expect(taskTransitionBody.safeParse({ action: 'report' }).success).toBe(false);
  });

  it('refuses a campaign that ends before it starts or repeats an action name', () => {
    const base = { name: '创建周期', kind: 'cycle', startDate: '2024-01-01', endDate: '2026-12-31' };
    expect(campaignBody.safeParse(base).success).toBe(true);
    expect(campaignBody.safeParse({ ...base, endDate: '2023-12-31' }).error!.issues[0].path).toEqual(['endDate']);
    const dup = campaignBody.safeParse({ ...base, actions: [{ name: '甲' }, { name: '甲' }] });
    expect(dup.error!.issues[0].path).toEqual(['actions']);
  });
});
