import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRolePermissions } from './permissions';
import {
  allowedProblemActions,
  closedProblemStatuses,
  defaultProblemSettings,
  nextProblemStatus,
  open311StatusOf,
  problemActionPermissions,
  problemActions,
  problemCreateBody,
  problemDeadline,
  problemStatuses,
  problemStatusesFor,
  problemTransitionBody,
  problemTransitions,
} from './problems';

/** The table of SPEC 4.5 as this project reads it: `state:action` → next state. */
const allowed: Record<string, string> = {
  'reported:assign': 'assigned',
  'reported:mark_duplicate': 'duplicate',
  'assigned:start': 'rectifying',
  'assigned:dispute': 'disputed',
  'assigned:reassign': 'assigned',
  'assigned:mark_duplicate': 'duplicate',
  'rectifying:submit': 'submitted',
  'rectifying:dispute': 'disputed',
  'rectifying:reassign': 'assigned',
  'submitted:verify': 'verified',
  'submitted:return': 'returned',
  'returned:start': 'rectifying',
  'returned:reassign': 'assigned',
  'verified:close': 'closed',
  'verified:reopen': 'reopened',
  'closed:reopen': 'reopened',
  'reopened:start': 'rectifying',
  'reopened:dispute': 'disputed',
  'reopened:reassign': 'assigned',
  'disputed:reassign': 'assigned',
  'disputed:reject_dispute': 'assigned',
  'disputed:mark_duplicate': 'duplicate',
};

const role = (r: keyof typeof defaultRolePermissions) => defaultRolePermissions[r];

describe('problem state machine', () => {
  it('allows exactly the transitions of the table and refuses every other pair', () => {
    for (const s of problemStatuses)
      for (const a of problemActions) expect(nextProblemStatus(s, a), `${s} + ${a}`).toBe(allowed[`${s}:${a}`] ?? null);
  });

  it('runs the loop reported → assigned → rectifying → submitted → returned → … → verified → closed', () => {
    let s = nextProblemStatus('reported', 'assign')!;
    for (const a of ['start', 'submit', 'return', 'start', 'submit', 'verify', 'close'] as const)
      s = nextProblemStatus(s, a)!;
    expect(s).toBe('closed');
  });

  it('gives each role its own actions', () => {
    expect(allowedProblemActions('reported', role('office_admin'))).toEqual(['assign', 'mark_duplicate']);
    expect(allowedProblemActions('assigned', role('unit_liaison'))).toEqual(['start', 'dispute']);
    expect(allowedProblemActions('assigned', role('grid_worker'))).toEqual(['start', 'dispute']);
    expect(allowedProblemActions('submitted', role('inspector'))).toEqual(['verify', 'return']);
    expect(allowedProblemActions('submitted', role('unit_liaison'))).toEqual([]);
    expect(allowedProblemActions('verified', role('inspector'))).toEqual(['reopen']);
    expect(allowedProblemActions('verified', role('office_admin'))).toEqual(['close', 'reopen']);
    expect(allowedProblemActions('disputed', role('office_admin'))).toEqual([
      'reassign',
      'reject_dispute',
      'mark_duplicate',
    ]);
    expect(allowedProblemActions('closed', role('resident'))).toEqual([]);
    expect(allowedProblemActions('reported', ['*'])).toEqual(['assign', 'mark_duplicate']);
  });

  it('property: an allowed action always has an edge and needs a held permission; illegal ones are refused', () => {
    const perms = fc.subarray([...new Set(Object.values(problemActionPermissions))]);
    fc.assert(
      fc.property(fc.constantFrom(...problemStatuses), fc.constantFrom(...problemActions), perms, (s, a, held) => {
        const actions = allowedProblemActions(s, held);
        if (actions.includes(a)) {
          expect(nextProblemStatus(s, a)).not.toBeNull();
          expect(held).toContain(problemActionPermissions[a]);
        }
        if (nextProblemStatus(s, a) === null) expect(actions).not.toContain(a);
      }),
    );
  });

  it('property: any sequence of actions only ever visits states of the machine, and duplicate is final', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...problemActions), { maxLength: 30 }), (seq) => {
        let s: (typeof problemStatuses)[number] = 'reported';
        for (const a of seq) {
          const next = nextProblemStatus(s, a);
          if (next === null) continue; // refused: the state stays
          expect(problemTransitions.some((x) => x.from === s && x.action === a && x.to === next)).toBe(true);
          s = next;
        }
        expect(problemStatuses).toContain(s);
        for (const a of problemActions) expect(nextProblemStatus('duplicate', a)).toBeNull();
      }),
    );
  });

  it('reaches every state from reported', () => {
    const seen = new Set<string>(['reported']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const x of problemTransitions)
        if (seen.has(x.from) && !seen.has(x.to)) {
          seen.add(x.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...problemStatuses].sort());
  });
});

describe('deadlines and Open311 statuses', () => {
  it('sets the deadline by severity from the configured days', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    expect(problemDeadline('high', from).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(problemDeadline('medium', from).toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(problemDeadline('low', from).toISOString()).toBe('2026-11-08T00:00:00.000Z');
    const rules = { ...defaultProblemSettings, deadlineDays: { high: 2, medium: 5, low: 10 } };
    expect(problemDeadline('high', from, rules).toISOString()).toBe('2026-11-03T00:00:00.000Z');
  });

  it('maps every state onto open or closed, the closed ones being the finished ones', () => {
    for (const s of problemStatuses) expect(['open', 'closed']).toContain(open311StatusOf[s].status);
    expect(problemStatusesFor('closed').sort()).toEqual([...closedProblemStatuses].sort());
    expect(problemStatusesFor('open').length + problemStatusesFor('closed').length).toBe(problemStatuses.length);
  });
});

describe('bodies', () => {
  it('requires a reason for return, dispute, reopen, reassign and rejecting a dispute', () => {
    for (const action of ['return', 'dispute', 'reopen', 'reject_dispute'] as const) {
      const r = problemTransitionBody.safeParse({ action });
      expect(r.error!.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
    }
    const reassign = problemTransitionBody.safeParse({ action: 'reassign', reason: '改派' });
    expect(reassign.error!.issues[0].path).toEqual(['unitId']);
    expect(problemTransitionBody.safeParse({ action: 'mark_duplicate' }).error!.issues[0].path).toEqual([
      'duplicateOf',
    ]);
    expect(problemTransitionBody.safeParse({ action: 'start' }).success).toBe(true);
    const photos = { photoFileIds: ['01a203cf-21e3-70ce-8722-1fb5268f0d55'] };
    expect(problemTransitionBody.safeParse({ action: 'submit', ...photos }).success).toBe(true);
    expect(problemTransitionBody.safeParse({ action: 'start', ...photos }).error!.issues[0].path).toEqual([
      'photoFileIds',
    ]);
  });

  it('needs a place for a new problem and both coordinates or none', () => {
    const base = { category: 'sanitation', description: '垃圾' };
    expect(problemCreateBody.safeParse(base).error!.issues[0].path).toEqual(['regionCode']);
    expect(problemCreateBody.safeParse({ ...base, regionCode: '620302' }).success).toBe(true);
    expect(problemCreateBody.safeParse({ ...base, regionCode: '620302', lat: 38.5 }).error!.issues[0].path).toEqual([
      'lng',
    ]);
  });
});
