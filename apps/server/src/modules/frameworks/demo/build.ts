// A compact notation for demo frameworks, so the data files read like the manuals they imitate.
//   a standard: "text|points|methods|rule|pointTypes", e.g. "楼道内无杂物堆放|3|F|d0.5|residential"
//   methods: F 实地考察, D 材料审核, Q 问卷调查, O 网络调查, R 听取汇报, B 整体观察
//   rule: c met/not met, d0.5 deduct 0.5 per finding, g graded, s survey rate, m manual
import {
  type AssessmentMethod,
  type NegativeEffect,
  type PointType,
  type ScoringRule,
  pointTypeNames,
} from '@wenming/contracts';
import type { NegativeInput, NodeInput } from '../framework.repository';

const methodLetters: Record<string, AssessmentMethod> = {
  F: 'field',
  D: 'document',
  Q: 'questionnaire',
  O: 'online_survey',
  R: 'report',
  B: 'observation',
};

const graded: ScoringRule = {
  kind: 'graded',
  levels: [
    { label: '好', ratio: 1 },
    { label: '较好', ratio: 0.8 },
    { label: '一般', ratio: 0.5 },
    { label: '差', ratio: 0 },
  ],
};

function ruleOf(code: string): ScoringRule {
  if (code === 's') return { kind: 'survey' };
  if (code === 'g') return graded;
  if (code === 'm') return { kind: 'manual', note: '由测评组对照要求综合评定' };
  if (code.startsWith('d')) return { kind: 'deduct', perFinding: Number(code.slice(1)), floor: 0 };
  return { kind: 'check' };
}

/** One 测评标准 from its line. */
export function standard(line: string): NodeInput {
  const [name, points, methods = '', rule = 'c', types = ''] = line.split('|');
  return {
    code: '',
    name,
    standard: null,
    points: Number(points),
    weight: null,
    methods: [...methods].map((l) => methodLetters[l]),
    pointTypes: types ? (types.split(',') as PointType[]) : [],
    scoringRule: ruleOf(rule),
    isSumExempt: false,
    children: [],
  };
}

/** The same check at several point types: "小区：…", "背街小巷：…" (field inspection). */
export function perType(types: PointType[], text: string, points: number, rule = 'd0.5'): string[] {
  return types.map((t) => `${pointTypeNames[t]}：${text}|${points}|F|${rule}|${t}`);
}

/** A parent node whose points are its children's sum. */
export function group(name: string, children: NodeInput[]): NodeInput {
  const points = Math.round(children.reduce((s, c) => s + (c.points ?? 0), 0) * 100) / 100;
  return { ...standard(`${name}|${points}`), children };
}

export type ContentDef = [name: string, standards: string[]];
export type ItemDef = [name: string, contents: ContentDef[]];

/** Number the tree by position: 1, 1.1, 1.1.1 … */
export function numbered(nodes: NodeInput[], prefix = ''): NodeInput[] {
  return nodes.map((n, i) => {
    const code = `${prefix}${i + 1}`;
    return { ...n, code, children: numbered(n.children, `${code}.`) };
  });
}

/** 测评项目 → 测评内容 → 测评标准 from the tables. */
export function treeOf(items: ItemDef[]): NodeInput[] {
  return numbered(
    items.map(([name, contents]) =>
      group(
        name,
        contents.map(([c, lines]) => group(c, lines.map(standard))),
      ),
    ),
  );
}

/** Negative items from "name|effect|deduction" lines, coded N1, N2 … */
export function negativesOf(lines: string[]): NegativeInput[] {
  return lines.map((line, i) => {
    const [name, effect, deduction] = line.split('|');
    return {
      code: `N${i + 1}`,
      name,
      effect: effect as NegativeEffect,
      deduction: deduction ? Number(deduction) : null,
      description: null,
    };
  });
}

export interface FrameworkSeed {
  code: string;
  name: string;
  description: string;
  totalPoints: number | null;
  complianceLine: number | null;
  roots: NodeInput[];
  negatives: NegativeInput[];
}
