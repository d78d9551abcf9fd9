// A bulletin's snapshot rendered as documents: Word (GB/T 9704, charts as SVG with PNG fallback), PDF and Excel.
// Pure functions of the frozen snapshot, so that a bulletin downloads the same today and in a year.
import type { BulletinRankingRow, BulletinSnapshot } from '@wenming/contracts';
import ExcelJS from 'exceljs';
import { renderRankingBars, renderTrendLines, svgSize, svgToPng } from '../../platform/charts';
import { type DocumentBlock, type OfficialDocument, buildOfficialDocument } from '../../platform/documents';
import { addSheet } from '../../platform/excel';
import { buildOfficialPdf } from '../../platform/pdf';

export interface BulletinDocumentInput {
  docNumber: string;
  title: string;
  publishedAt: Date | string;
  replacesDocNumber: string | null;
  snapshot: BulletinSnapshot;
}

const score = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const change = (c: number | null) => (c === null ? '—' : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '—');
const names = (rows: BulletinRankingRow[]) => rows.map((r) => r.subjectName).join('、');

function rateSentence(s: BulletinSnapshot): string {
  const r = s.rates;
  const n = s.ranking.length;
  return `本期共考评${n}个${s.evaluation.level ?? '对象'}，合格率${r.pass.percent}（${r.pass.numerator}/${r.pass.denominator}），优秀率${r.excellent.percent}（${r.excellent.numerator}/${r.excellent.denominator}），达标率${r.compliance.percent}（${r.compliance.numerator}/${r.compliance.denominator}），问题整改率${r.rectification.percent}（${r.rectification.numerator}/${r.rectification.denominator}）。`;
}

function rankingTable(s: BulletinSnapshot): DocumentBlock {
  return {
    kind: 'table',
    columns: [
      { header: '名次', width: 0.7 },
      { header: '考评对象', width: 2.4 },
      { header: '得分', width: 1 },
      { header: '满分', width: 0.9 },
      { header: '较上期', width: 0.9 },
      { header: '等次', width: 0.9 },
    ],
    rows: s.ranking.map((r) => [
      r.rank,
      r.subjectName,
      score(r.score),
      score(r.fullScore),
      change(r.rankChange),
      r.excellent ? '优秀' : r.passed ? '合格' : '不合格',
    ]),
  };
}

/** The two charts of a bulletin as SVG (ranking bars, trend lines). */
export function bulletinCharts(s: BulletinSnapshot): { ranking: string; trend: string } {
  const ranking = renderRankingBars(
    '得分排名',
    s.ranking.map((r) => ({ name: r.subjectName, value: Math.round(r.score * 100) / 100 })),
  );
  const top = s.trend.series.slice(0, 6).map((x) => ({ name: x.name, values: x.scores }));
  const trend = renderTrendLines('近期得分走势', s.trend.periods, [
    { name: '平均分', values: s.trend.average },
    ...top,
  ]);
  return { ranking, trend };
}

async function chartBlock(svg: string, caption: string): Promise<DocumentBlock> {
  const { width, height } = svgSize(svg);
  return { kind: 'image', svg, png: await svgToPng(svg, 1.5), width, height, caption };
}

/** The official document of a bulletin: header, period and rates, ranking, charts, lists, main problems. */
export async function bulletinDocument(b: BulletinDocumentInput): Promise<OfficialDocument> {
  const s = b.snapshot;
  const charts = bulletinCharts(s);
  const blocks: DocumentBlock[] = [];
  if (b.replacesDocNumber)
    blocks.push({ kind: 'paragraph', text: `本通报更正并替代${b.replacesDocNumber}，原通报同时废止。`, bold: true });
  blocks.push(
    {
      kind: 'paragraph',
      text: `根据${s.evaluation.frameworkName ?? '文明城市测评体系'}，现将${s.evaluation.periodLabel}${s.evaluation.name}结果通报如下。`,
    },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', text: rateSentence(s) },
    { kind: 'heading', level: 1, text: '二、得分排名' },
    rankingTable(s),
    await chartBlock(charts.ranking, '图1  得分排名'),
    await chartBlock(charts.trend, '图2  近期得分走势'),
    { kind: 'heading', level: 1, text: '三、红黑榜' },
    { kind: 'paragraph', text: `红榜：${names(s.redList) || '无'}。` },
    { kind: 'paragraph', text: `黑榜：${names(s.blackList) || '无'}。` },
  );
  if (s.summons.length)
    blocks.push({ kind: 'paragraph', text: `排名后三位的${names(s.summons)}，由市文明办进行约谈。` });
  blocks.push({ kind: 'heading', level: 1, text: '四、存在的主要问题' });
  for (const [i, p] of s.mainProblems.entries())
    blocks.push({ kind: 'paragraph', text: `${i + 1}. ${p.name}（共${p.count}处，扣${score(p.pointsLost)}分）。` });
  if (!s.mainProblems.length) blocks.push({ kind: 'paragraph', text: '本期未发现突出问题。' });
  blocks.push(
    { kind: 'heading', level: 1, text: '五、工作要求' },
    {
      kind: 'paragraph',
      text: '各地各单位要对照失分项目逐一查摆、限期整改，整改情况纳入下期考评。排名靠后的要认真分析原因，切实抓好整改落实。',
    },
  );
  return {
    issuer: s.issuer,
    docNumber: b.docNumber,
    title: b.title,
    addressee: '各区县文明办，市直各有关单位',
    blocks,
    signature: { office: s.signatureOffice, date: b.publishedAt },
  };
}

export async function bulletinDocx(b: BulletinDocumentInput): Promise<Buffer> {
  return buildOfficialDocument(await bulletinDocument(b));
}

export async function bulletinPdf(b: BulletinDocumentInput): Promise<Buffer> {
  return buildOfficialPdf(await bulletinDocument(b));
}

const rowOf = (r: BulletinRankingRow) => ({
  rank: r.rank,
  name: r.subjectName,
  code: r.subjectCode ?? '',
  score: Number(score(r.score)),
  fullScore: r.fullScore,
  change: change(r.rankChange),
  grade: r.excellent ? '优秀' : r.passed ? '合格' : '不合格',
});
const rankingColumns = [
  { key: 'rank', header: '名次', width: 8 },
  { key: 'name', header: '考评对象', width: 28 },
  { key: 'code', header: '代码', width: 14, text: true },
  { key: 'score', header: '得分', width: 10 },
  { key: 'fullScore', header: '满分', width: 10 },
  { key: 'change', header: '较上期', width: 10 },
  { key: 'grade', header: '等次', width: 10 },
];

/** The bulletin's tables as a workbook: ranking, rates, red/black lists and main problems. */
export async function bulletinXlsx(b: BulletinDocumentInput): Promise<Buffer> {
  const s = b.snapshot;
  const wb = new ExcelJS.Workbook();
  const title = `${b.docNumber} ${b.title}`;
  addSheet(wb, { sheetName: '排名', title, columns: rankingColumns, rows: s.ranking.map(rowOf) });
  const rates = Object.entries({ 合格率: s.rates.pass, 优秀率: s.rates.excellent, 达标率: s.rates.compliance })
    .concat([['整改率', s.rates.rectification]])
    .map(([name, r]) => ({ name, numerator: r.numerator, denominator: r.denominator, percent: r.percent }));
  addSheet(wb, {
    sheetName: '各项比率',
    title,
    columns: [
      { key: 'name', header: '指标' },
      { key: 'numerator', header: '达到数' },
      { key: 'denominator', header: '考评数' },
      { key: 'percent', header: '比率' },
    ],
    rows: rates,
  });
  const lists = [
    ...s.redList.map((r) => ({ list: '红榜', ...rowOf(r) })),
    ...s.blackList.map((r) => ({ list: '黑榜', ...rowOf(r) })),
  ];
  addSheet(wb, {
    sheetName: '红黑榜',
    title,
    columns: [{ key: 'list', header: '榜单' }, ...rankingColumns],
    rows: lists,
  });
  addSheet(wb, {
    sheetName: '主要问题',
    title,
    columns: [
      { key: 'name', header: '问题', width: 40 },
      { key: 'count', header: '次数' },
      { key: 'pointsLost', header: '扣分' },
    ],
    rows: s.mainProblems.map((p) => ({ ...p, pointsLost: Number(score(p.pointsLost)) })),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
