// The 失分项 list of a subject as an Excel workbook, for the unit to work through item by item.
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { type ExportColumn, XLSX_TYPE, writeWorkbook } from '../../platform/excel';
import { getEvaluation } from './evaluation-read.service';
import { listDeductions } from './evaluation-drill.service';

const columns: ExportColumn[] = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'code', header: '指标编号', width: 14, text: true },
  { key: 'path', header: '所属项目', width: 30 },
  { key: 'name', header: '测评标准', width: 40 },
  { key: 'fullPoints', header: '分值', width: 8 },
  { key: 'score', header: '得分', width: 8 },
  { key: 'lost', header: '失分', width: 8 },
  { key: 'observed', header: '达标/有效测评', width: 14 },
  { key: 'note', header: '说明', width: 16 },
  { key: 'done', header: '整改情况', width: 24 },
];

export async function exportDeductions(db: Db, actor: Actor, id: string, subject: string) {
  const ev = await getEvaluation(db, actor, id);
  const list = await listDeductions(db, actor, id, subject);
  const rows = list.items.map((d, i) => ({
    seq: i + 1,
    code: d.code,
    path: d.path.join(' / '),
    name: d.name,
    fullPoints: d.fullPoints,
    score: Math.round(d.score * 100) / 100,
    lost: d.lost,
    observed: d.applicable != null && d.met != null ? `${d.met}/${d.applicable}` : '',
    note: d.notSampled
      ? '未抽到（按零分计）'
      : d.source === 'survey'
        ? '问卷调查'
        : d.source === 'review'
          ? '材料审核'
          : '实地考察',
    done: '',
  }));
  const title = `${list.subject.name}${ev.period.label}失分项清单`;
  const notes = [`${ev.name}（第 ${ev.version} 版）　共 ${rows.length} 项，合计失分 ${list.totalLost}`];
  const bytes = await writeWorkbook({ sheetName: '失分项', title, notes, columns, rows });
  return { name: `${title}.xlsx`, contentType: XLSX_TYPE, bytes };
}
