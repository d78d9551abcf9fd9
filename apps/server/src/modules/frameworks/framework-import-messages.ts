// Row problems of a framework import, in the three UI languages; {placeholders} are filled in.
import type { Language, RowError } from '@wenming/contracts';

const messages = {
  no_header: [
    '找不到表头：需要“名称”列，或“测评项目/测评内容/测评标准”等指标列',
    '找不到表頭：需要「名稱」欄，或「測評項目/測評內容/測評標準」等指標欄',
    'No header row: the sheet needs a 名称 column or indicator-level columns (测评项目/测评内容/测评标准)',
  ],
  empty: ['文件中没有指标', '檔案中沒有指標', 'The file holds no indicators'],
  no_name: ['缺少指标名称', '缺少指標名稱', 'The indicator name is missing'],
  name_too_long: ['指标名称超过 500 字', '指標名稱超過 500 字', 'The indicator name is longer than 500 characters'],
  bad_points: [
    '分值“{v}”不是有效的分数（可写 5、5分、5.0分）',
    '分值「{v}」不是有效的分數（可寫 5、5分、5.0分）',
    'Points "{v}" are not a number (write 5, 5分 or 5.0分)',
  ],
  bad_weight: ['权重“{v}”不是有效的数字', '權重「{v}」不是有效的數字', 'Weight "{v}" is not a number'],
  bad_methods: [
    '测评方法“{v}”无法识别（实地考察、材料审核、问卷调查、网络调查、听取汇报、整体观察）',
    '測評方法「{v}」無法識別（實地考察、材料審核、問卷調查、網絡調查、聽取匯報、整體觀察）',
    'Methods "{v}" name no known method (实地考察, 材料审核, 问卷调查, 网络调查, 听取汇报, 整体观察)',
  ],
  bad_point_types: [
    '适用点位“{v}”无法识别（如 小区、背街小巷、农贸市场，或“全部”）',
    '適用點位「{v}」無法識別（如 小區、背街小巷、農貿市場，或「全部」）',
    'Point types "{v}" name no known point type (e.g. 小区, 背街小巷, or 全部)',
  ],
  bad_level: [
    '层级“{v}”无法识别（填 1、2、3 或 一级、二级）',
    '層級「{v}」無法識別',
    'Level "{v}" is not a level (1, 2, 3 or 一级)',
  ],
  bad_rule: ['评分规则“{v}”无法识别', '評分規則「{v}」無法識別', 'Scoring rule "{v}" cannot be read'],
  bad_exempt: ['“{v}”应填 是 或 否', '「{v}」應填 是 或 否', '"{v}" should be 是 or 否'],
  bad_code: ['编码“{v}”格式不正确', '編碼「{v}」格式不正確', 'Code "{v}" has the wrong format'],
  duplicate_code: ['编码“{v}”与第 {row} 行重复', '編碼「{v}」與第 {row} 列重複', 'Code "{v}" repeats row {row}'],
  no_depth: [
    '无法确定层级：请填写“层级”或“编码”，或在名称前加 一、（一）1. 1.1 等编号',
    '無法確定層級：請填寫「層級」或「編碼」，或在名稱前加 一、（一）1. 1.1 等編號',
    'Cannot tell the level: fill 层级 or 编码, or start the name with 一、 （一） 1. 1.1',
  ],
  depth_jump: [
    '层级跳跃：第 {depth} 级指标前缺少第 {parent} 级指标',
    '層級跳躍：第 {depth} 級指標前缺少第 {parent} 級指標',
    'Level {depth} follows no level {parent} indicator',
  ],
  orphan_cell: [
    '“{v}”不属于任何指标（该行没有指标名称）',
    '「{v}」不屬於任何指標（該列沒有指標名稱）',
    '"{v}" belongs to no indicator (this row has no name)',
  ],
  repeated_cell: ['该指标的{col}填写了两次', '該指標的{col}填寫了兩次', 'The {col} of this indicator is given twice'],
  negative_effect: [
    '无法识别负面清单的处理方式（一票否决、暂停资格或扣分）',
    '無法識別負面清單的處理方式（一票否決、暫停資格或扣分）',
    'The negative item names no effect (一票否决, 暂停资格 or 扣N分)',
  ],
  negative_deduction: [
    '扣分类负面清单需填写扣分（如 扣5分）',
    '扣分類負面清單需填寫扣分（如 扣5分）',
    'A deduction item needs its points (e.g. 扣5分)',
  ],
} satisfies Record<string, [string, string, string]>;

export type ImportProblem = keyof typeof messages;
const index: Record<Language, number> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** Collects row problems in the request's language. */
export class RowProblems {
  readonly rows: RowError[] = [];
  /** Set while reading a sheet other than the indicators' one: its rows are named with the sheet. */
  sheet: string | null = null;
  constructor(readonly lang: Language) {}

  add(row: number, problem: ImportProblem, vars: Record<string, string | number> = {}): void {
    let message: string = messages[problem][index[this.lang]];
    for (const [k, v] of Object.entries(vars)) message = message.replaceAll(`{${k}}`, String(v));
    this.rows.push({ row, message: this.sheet ? `【${this.sheet}】${message}` : message });
  }
}
