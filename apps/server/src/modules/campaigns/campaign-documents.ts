// The Word documents of campaign work: the office's reminder letter (提醒函) to a unit with overdue tasks,
// and a unit's self-inspection report (自查报告). Both use the platform's GB/T 9704 builder.
import { type TaskCadence, taskCadenceLabels } from '@wenming/contracts';
import {
  type DocumentBlock,
  type OfficialDocument,
  buildOfficialDocument,
  chineseDate,
} from '../../platform/documents';

/** 示范市 → 示范市精神文明建设指导委员会办公室 (the 文明办 that issues campaign documents). */
export const officeName = (tenantName: string) => `${tenantName}精神文明建设指导委员会办公室`;

/** 示范市 → 示范文明办: the issuer code of document numbers. */
export const officeCode = (tenantName: string) => `${tenantName.replace(/(市|县|区|州|盟|旗)$/, '')}文明办`;

export interface OverdueTaskLine {
  title: string;
  actionName: string | null;
  deadline: string;
  cadence: TaskCadence;
  daysOverdue: number;
  role: 'lead' | 'co';
}

function overdueTable(tasks: OverdueTaskLine[]): DocumentBlock {
  return {
    kind: 'table',
    columns: [
      { header: '序号', width: 1 },
      { header: '任务名称', width: 5 },
      { header: '所属行动', width: 3 },
      { header: '责任', width: 1.3 },
      { header: '工作频次', width: 2.2 },
      { header: '完成时限', width: 2.6 },
      { header: '逾期天数', width: 1.6 },
    ],
    rows: tasks.map((t, i) => [
      i + 1,
      t.title,
      t.actionName ?? '',
      t.role === 'lead' ? '牵头' : '配合',
      taskCadenceLabels[t.cadence],
      chineseDate(t.deadline),
      t.daysOverdue,
    ]),
  };
}

/** The reminder letter to a unit, listing its overdue tasks; answers the .docx bytes. */
export function buildReminderLetter(input: {
  tenantName: string;
  unitName: string;
  docNumber: string;
  tasks: OverdueTaskLine[];
  replyWithinDays: number;
  date: Date;
}): Promise<Buffer> {
  const office = officeName(input.tenantName);
  const doc: OfficialDocument = {
    issuer: office,
    docNumber: input.docNumber,
    title: '关于督促加快推进文明创建任务的提醒函',
    addressee: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `经梳理工作台账，截至${chineseDate(input.date)}，你单位承担的${input.tasks.length}项文明创建任务已超过完成时限，尚未报送完成情况（详见下表）。`,
      },
      overdueTable(input.tasks),
      {
        kind: 'paragraph',
        text: `请你单位高度重视，对照任务清单认真查摆原因，于收到本函后${input.replyWithinDays}个工作日内完成相关任务，并通过文明创建工作平台报送工作台账及佐证材料。逾期仍未完成的，将按程序进行约谈，并在全市文明创建工作通报中予以通报。`,
      },
      { kind: 'paragraph', text: '特此函告。' },
    ],
    signature: { office, date: input.date },
  };
  return buildOfficialDocument(doc);
}

export interface ScoreLine {
  code: string;
  name: string;
  points: number | null;
  score: number;
  note: string | null;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function scoreTable(lines: ScoreLine[]): DocumentBlock {
  return {
    kind: 'table',
    columns: [
      { header: '指标编号', width: 1.6 },
      { header: '指标名称', width: 5 },
      { header: '分值', width: 1.2 },
      { header: '自评得分', width: 1.4 },
      { header: '自查说明', width: 5 },
    ],
    rows: lines.map((l) => [l.code, l.name, l.points === null ? '' : fmt(l.points), fmt(l.score), l.note ?? '']),
  };
}

/** Each indicator that lost points, with the unit's own explanation. */
function lostPoints(lines: ScoreLine[]): DocumentBlock[] {
  const lost = lines.filter((l) => l.points !== null && l.score < l.points);
  if (!lost.length) return [{ kind: 'paragraph', text: '经自查，各项指标均已达标。' }];
  return lost.map((l, i) => ({
    kind: 'paragraph',
    text: `${i + 1}. ${l.code} ${l.name}：失${fmt((l.points ?? 0) - l.score)}分。${l.note ?? ''}`,
  }));
}

/** The unit's self-inspection report from its scores and notes; answers the .docx bytes. */
export function buildSelfInspectionReport(input: {
  tenantName: string;
  unitName: string;
  frameworkName: string;
  title: string;
  lines: ScoreLine[];
  date: Date;
}): Promise<Buffer> {
  const total = input.lines.reduce((s, l) => s + l.score, 0);
  const full = input.lines.reduce((s, l) => s + (l.points ?? 0), 0);
  const lostCount = input.lines.filter((l) => l.points !== null && l.score < l.points).length;
  return buildOfficialDocument({
    title: `${input.unitName}关于${input.title}的自查报告`,
    addressee: officeName(input.tenantName),
    blocks: [
      {
        kind: 'paragraph',
        text: `根据《${input.frameworkName}》，我单位对照各项测评标准逐项开展了自查自评，现将有关情况报告如下。`,
      },
      { kind: 'heading', level: 1, text: '一、自评总体情况' },
      {
        kind: 'paragraph',
        text: `本次自查共涉及${input.lines.length}项指标，应得分${fmt(full)}分，自评得分${fmt(total)}分，其中${lostCount}项指标存在失分。`,
      },
      { kind: 'heading', level: 1, text: '二、逐项自评情况' },
      scoreTable(input.lines),
      { kind: 'heading', level: 1, text: '三、存在问题及整改措施' },
      ...lostPoints(input.lines),
      { kind: 'paragraph', text: '特此报告。' },
    ],
    signature: { office: input.unitName, date: input.date },
  });
}
