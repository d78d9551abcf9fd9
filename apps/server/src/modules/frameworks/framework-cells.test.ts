import { type ScoringRule, scoringRule } from '@wenming/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLevel,
  formatRule,
  parseCodeCell,
  parseLevel,
  parseMethods,
  parseNumbering,
  parsePointTypes,
  parsePoints,
  parseRule,
  parseWeight,
  splitTrailingPoints,
} from './framework-cells';

describe('cells of a manual', () => {
  it('reads points as 5, 5分, 5.0分, ５分; refuses words', () => {
    for (const t of ['5', '5分', '5.0分', '５分', ' 5 分 ']) expect(parsePoints(t)).toBe(5);
    expect(parsePoints('0.5分')).toBe(0.5);
    expect(parsePoints('五分')).toBeUndefined();
    expect(parsePoints('-1')).toBeUndefined();
    expect(parseWeight('20%')).toBe(0.2);
  });

  it('reads one or several methods from free text, in the order written', () => {
    expect(parseMethods('实地考察、材料审核')).toEqual(['field', 'document']);
    expect(parseMethods('查阅资料+实地察看')).toEqual(['document', 'field']);
    expect(parseMethods('网络问卷，入户问卷调查')).toEqual(['online_survey', 'questionnaire']);
    expect(parseMethods('听取汇报 整体观察')).toEqual(['report', 'observation']);
    expect(parseMethods('看看')).toBeUndefined();
  });

  it('reads point types, and 全部 as all of them', () => {
    expect(parsePointTypes('小区、背街小巷、农贸市场')).toEqual(['residential', 'back_street', 'market']);
    expect(parsePointTypes('公交站点；新时代文明实践所站')).toEqual(['bus_stop', 'practice_site']);
    expect(parsePointTypes('全部')).toEqual([]);
    expect(parsePointTypes('月球')).toBeUndefined();
  });

  it('reads Chinese numbering and its nesting rank', () => {
    const r = (t: string) => {
      const n = parseNumbering(t);
      return n && [n.rank, n.rest, n.code];
    };
    expect(r('一、公共秩序')).toEqual([0, '公共秩序', null]);
    expect(r('（二）交通秩序')).toEqual([1, '交通秩序', null]);
    expect(r('3. 路口有序')).toEqual([2, '路口有序', '3']);
    expect(r('1.2 道路')).toEqual([3, '道路', '1.2']);
    expect(r('1.2.3斑马线')).toEqual([4, '斑马线', '1.2.3']);
    expect(r('(1)小项')).toEqual([6, '小项', null]);
    expect(r('PM2.5浓度达标')).toBeUndefined();
    expect(parseCodeCell('A.1')?.rank).toBe(3);
    expect(parseCodeCell('（一）')?.rank).toBe(1);
    expect(splitTrailingPoints('公共秩序（10分）')).toEqual({ name: '公共秩序', points: 10 });
  });

  it('reads levels in numbers or words', () => {
    expect([parseLevel('2'), parseLevel('三级'), parseLevel('测评项目'), parseLevel('x')]).toEqual([
      2,
      3,
      1,
      undefined,
    ]);
    expect(parseLevel(formatLevel(4))).toBe(4);
  });

  it('reads real-world rule wording', () => {
    const ctx = { points: 5, methods: [] };
    expect(parseRule('发现一处扣0.5分，扣完为止', ctx)).toEqual({ kind: 'deduct', perFinding: 0.5, floor: 0 });
    expect(parseRule('每处扣1分，最多扣3分', ctx)).toEqual({ kind: 'deduct', perFinding: 1, floor: 2 });
    expect(parseRule('优秀得满分、良好得80%、一般得3分', ctx)).toEqual({
      kind: 'graded',
      levels: [
        { label: '优秀', ratio: 1 },
        { label: '良好', ratio: 0.8 },
        { label: '一般', ratio: 0.6 },
      ],
    });
    expect(parseRule('按满意率计分', ctx)).toEqual({ kind: 'survey' });
    expect(parseRule('达标得满分，不达标不得分', ctx)).toEqual({ kind: 'check' });
    expect(parseRule('', { points: 5, methods: ['questionnaire'] })).toEqual({ kind: 'survey' });
    expect(parseRule('由专家组评议', ctx)).toEqual({ kind: 'manual', note: '由专家组评议' });
  });

  it('reads back every rule the export writes', () => {
    const cents = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100);
    const label = fc.stringMatching(/^[甲乙丙丁好差A-Za-z]{1,6}$/);
    const ruleArb: fc.Arbitrary<ScoringRule> = fc.oneof(
      fc.constant({ kind: 'check' as const }),
      fc.record({ kind: fc.constant('deduct' as const), perFinding: cents, floor: cents }),
      fc.record({
        kind: fc.constant('graded' as const),
        levels: fc.array(fc.record({ label, ratio: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000) }), {
          minLength: 2,
          maxLength: 6,
        }),
      }),
      fc.constant({ kind: 'survey' as const }),
      fc.constant({ kind: 'manual' as const }),
      fc.record({ kind: fc.constant('manual' as const), note: fc.string({ minLength: 1, maxLength: 80 }) }),
    );
    fc.assert(
      fc.property(ruleArb, (raw) => {
        const parsed = scoringRule.safeParse(raw);
        fc.pre(parsed.success);
        const rule = parsed.data!;
        expect(parseRule(formatRule(rule), { points: 10, methods: [] })).toEqual(rule);
      }),
    );
  });
});
