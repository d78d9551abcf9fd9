// The pieces a workbench builder fills: todos, deadlines, figures and charts, with helpers over state counts.
import type {
  WorkbenchChart,
  WorkbenchChartKey,
  WorkbenchDeadline,
  WorkbenchFigure,
  WorkbenchFigureKey,
  WorkbenchItemKind,
  WorkbenchTodo,
  WorkbenchTodoKey,
  WorkbenchUnit,
} from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import type { DueRow, StateCount } from './work.repository';

export interface Sections {
  todos: WorkbenchTodo[];
  deadlines: WorkbenchDeadline[];
  figures: WorkbenchFigure[];
  charts: WorkbenchChart[];
  todo(key: WorkbenchTodoKey, count: number, link: string): void;
  figure(
    key: WorkbenchFigureKey,
    value: number | null,
    unit?: WorkbenchUnit,
    rate?: { numerator: number; denominator: number },
  ): void;
  chart(
    key: WorkbenchChartKey,
    kind: WorkbenchChart['kind'],
    codes: WorkbenchChart['codes'],
    points: StateCount[],
  ): void;
}

/** Fills a role's sections from the database, within the actor's scope, at `now`. */
export type Builder = (db: Db, actor: Actor, now: Date, s: Sections) => Promise<void>;

/** Empty sections with their adders. */
export function empty(): Sections {
  const s: Sections = {
    todos: [],
    deadlines: [],
    figures: [],
    charts: [],
    todo: (key, count, link) => s.todos.push({ key, count, link }),
    figure: (key, value, unit = 'count', rate) =>
      s.figures.push({
        key,
        value: value === null ? null : Math.round(value * 10) / 10,
        unit,
        ...(rate ? { numerator: rate.numerator, denominator: rate.denominator } : {}),
      }),
    chart: (key, kind, codes, points) =>
      s.charts.push({ key, kind, codes, points: points.map((p) => ({ code: p.code, value: Number(p.value) })) }),
  };
  return s;
}

/** A series over given days or months, with zero where nothing was counted. */
export function fillSeries(counts: StateCount[], codes: string[]): StateCount[] {
  return codes.map((code) => ({ code, value: pick(counts, code) }));
}

/** The count of one state (0 when absent). */
export function pick(counts: StateCount[], code: string): number {
  return Number(counts.find((c) => c.code === code)?.value ?? 0);
}

/** The sum of some states' counts, or of all when `codes` is null. */
export function sum(counts: StateCount[], codes: readonly string[] | null): number {
  return counts.filter((c) => codes === null || codes.includes(c.code)).reduce((n, c) => n + Number(c.value), 0);
}

const pages: Record<WorkbenchItemKind, (r: DueRow) => string> = {
  task: (r) => `/tasks?task=${r.id}`,
  problem: (r) => `/problems/${r.id}`,
  inspection_plan: (r) => `/inspection-plans/${r.id}`,
  service_order: (r) => `/orders/${r.id}`,
  activity: (r) => `/m/activities/${r.id}`,
};

/** Due rows as deadline items of a kind, each linking to its page; `own` orders open on the page residents use. */
export function deadlines(kind: WorkbenchItemKind, due: DueRow[], own = false): WorkbenchDeadline[] {
  return due.map((r) => ({
    kind,
    id: r.id,
    title: r.title,
    due: typeof r.due === 'string' ? r.due : new Date(r.due).toISOString(),
    overdue: !!r.overdue,
    link: own && kind === 'service_order' ? `/m/orders/${r.id}` : pages[kind](r),
  }));
}
