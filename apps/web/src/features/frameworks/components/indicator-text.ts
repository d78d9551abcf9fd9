// How indicator attributes read in the UI language: scoring rules, point sums, and values in a diff.
import type { IndicatorNode, ScoringRule } from '@wenming/contracts';

type T = (key: string, options?: Record<string, unknown>) => string;

const cents = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

/** Sum of the children's points (to cents), or null for a leaf. */
export function childrenSum(node: Pick<IndicatorNode, 'children'>): number | null {
  if (!node.children.length) return null;
  return node.children.reduce((s, c) => s + cents(c.points), 0) / 100;
}

/** The rule the server checks on publish (contracts' checkPointSums), for one node. */
export function hasPointsMismatch(node: IndicatorNode): boolean {
  const sum = childrenSum(node);
  return sum !== null && !node.isSumExempt && node.points !== null && cents(sum) !== cents(node.points);
}

/** 达标/不达标; 每处扣 1 分，最低 0 分; 分档：好=1，较好=0.8; 调查比例×分值; 人工评分（note）. */
export function describeRule(rule: ScoringRule | null | undefined, t: T): string {
  if (!rule) return '';
  switch (rule.kind) {
    case 'deduct':
      return t('scoringRule.deductText', { perFinding: rule.perFinding, floor: rule.floor ?? 0 });
    case 'graded':
      return `${t('scoringRule.graded')}：${rule.levels.map((l) => `${l.label}=${l.ratio}`).join('，')}`;
    case 'manual':
      return rule.note ? `${t('scoringRule.manual')}（${rule.note}）` : t('scoringRule.manual');
    default:
      return t(`scoringRule.${rule.kind}`);
  }
}

/** One changed value of a diff (indicator or negative item) as text. */
export function describeValue(field: string, value: unknown, t: T): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'methods' && Array.isArray(value)) return value.map((m) => t(`method.${m}`)).join('、') || '—';
  if (field === 'pointTypes' && Array.isArray(value)) return value.map((p) => t(`pointType.${p}`)).join('、') || '—';
  if (field === 'scoringRule') return describeRule(value as ScoringRule, t);
  if (field === 'effect') return t(`negativeEffect.${value}`);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const fieldKeys: Record<string, string> = {
  name: 'indicator.name',
  standard: 'indicator.standard',
  points: 'indicator.points',
  weight: 'indicator.weight',
  methods: 'indicator.methods',
  pointTypes: 'indicator.pointTypes',
  scoringRule: 'indicator.rule',
  isSumExempt: 'indicator.sumExempt',
  parentCode: 'diff.parentCode',
  effect: 'negative.effect',
  deduction: 'negative.deduction',
  description: 'negative.description',
};

export function fieldName(field: string, t: T): string {
  return fieldKeys[field] ? t(fieldKeys[field]) : field;
}

/** Every node of a tree by id. */
export function indexTree(roots: IndicatorNode[]): Map<string, IndicatorNode> {
  const out = new Map<string, IndicatorNode>();
  const visit = (n: IndicatorNode) => {
    out.set(n.id, n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
