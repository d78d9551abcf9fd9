import { describe, expect, it } from 'vitest';
import { describeWrite } from './write-labels';

describe('the 待同步 list in words', () => {
  it('keeps a write’s own label and target', () => {
    expect(describeWrite({ method: 'POST', url: 'files', label: { key: 'sync.photo', target: '东街公厕' } })).toEqual({
      key: 'sync.photo',
      target: '东街公厕',
    });
  });

  it('reads older writes from their method and URL, never showing "POST files"', () => {
    const cases: [string, string, string][] = [
      ['POST', 'files', 'sync.photo'],
      ['POST', '/api/v1/inspections', 'sync.inspection'],
      ['PUT', 'inspections/0190a5e4-0000-7000-8000-000000000000', 'sync.inspectionEdit'],
      ['POST', 'problems', 'sync.problem'],
      ['POST', 'problems/abc/transitions', 'sync.rectify'],
      ['POST', 'tasks/abc/ledger', 'sync.taskReport'],
      ['DELETE', 'pairings/1', 'sync.other'],
    ];
    for (const [method, url, key] of cases)
      expect(describeWrite({ method: method as 'POST', url }), `${method} ${url}`).toEqual({ key });
  });
});
