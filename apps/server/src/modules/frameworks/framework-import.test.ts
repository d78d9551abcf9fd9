import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { countRows, outline, shapeOf, upload, workbook } from './framework-test-helpers';

let t: TestApp;
let admin: Session;
const api = '/api/v1/frameworks';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const get = async (url: string) => (await admin.inject({ method: 'GET', url })).json();

/** A manual as offices pass them around: title, notes, merged parents, 一、（一）1., "5分", free-text methods. */
function realWorldManual() {
  return workbook(
    [
      ['示范市文明城市测评细则（2024年版）'],
      ['说明：本细则总分 30 分，达标线 80%。'],
      [],
      ['测评项目', '测评内容', '测评标准', '分值', '测评方法', '适用点位'],
      ['一、公共秩序（20分）', '（一）交通秩序', '1. 行人走斑马线', '5分', '实地考察', '主次干道'],
      [null, null, '2. 车辆礼让行人', '5.0分', '实地考察、材料审核', '主次干道'],
      [null, '（二）公共场所秩序', '1. 排队有序', 5, '实地察看', '窗口单位、医院'],
      [null, null, '2. 无大声喧哗', '５分', '整体观察', '全部'],
      [],
      ['二、环境卫生', '（一）小区卫生', '1. 地面干净，无垃圾杂物', '10分', '实地考察', '小区'],
      [],
      ['三、负面清单'],
      ['1. 发生重大安全事故的，一票否决'],
      ['2. 测评中弄虚作假的，扣5分'],
      ['注：本表仅供测试。'],
    ],
    (ws) => {
      ws.mergeCells('A1:F1');
      ws.mergeCells('A2:F2');
      ws.mergeCells('A5:A8');
      ws.mergeCells('B5:B6');
      ws.mergeCells('B7:B8');
      ws.mergeCells('A12:F12');
    },
  );
}

describe('POST /frameworks/import: access and file checks', () => {
  it('401 anonymous, 403 without framework.manage, 400 without the field `file`, 415 for a non-xlsx file', async () => {
    const bytes = await realWorldManual();
    expect((await t.app.inject({ method: 'POST', url: `${api}/import` })).statusCode).toBe(401);
    const inspector = await t.login('inspector');
    expect((await upload(inspector, `${api}/import`, bytes)).statusCode).toBe(403);
    const wrongField = await upload(admin, `${api}/import`, bytes, { field: 'upload' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details.fields[0].field).toBe('file');
    expect((await upload(admin, `${api}/import`, Buffer.from('测评项目,分值\n'))).statusCode).toBe(415);
  });
});

describe('POST /frameworks/import: layouts', () => {
  it('reads a real-world manual: merged parents, numbering, 5分, free-text methods, notes and a 负面清单 section', async () => {
    const res = await upload(admin, `${api}/import`, await realWorldManual());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, indicatorCount: 10 });
    const id = res.json().id;
    const fw = await get(`${api}/${id}`);
    expect(fw).toMatchObject({ name: '示范市文明城市测评细则（2024年版）', status: 'draft', totalPoints: 30 });
    expect(fw.complianceLine).toBeCloseTo(0.8);
    const tree = await get(`${api}/${id}/indicators`);
    expect(outline(tree)).toEqual([
      '1 公共秩序 20',
      '  1.1 交通秩序 10',
      '    1.1.1 行人走斑马线 5',
      '    1.1.2 车辆礼让行人 5',
      '  1.2 公共场所秩序 10',
      '    1.2.1 排队有序 5',
      '    1.2.2 无大声喧哗 5',
      '2 环境卫生 10',
      '  2.1 小区卫生 10',
      '    2.1.1 地面干净，无垃圾杂物 10',
    ]);
    const leaves = [tree[0].children[0].children[1], tree[0].children[1].children[0], tree[0].children[1].children[1]];
    expect(leaves.map((l: any) => [l.methods, l.pointTypes])).toEqual([
      [['field', 'document'], ['main_road']],
      [['field'], ['window', 'hospital']],
      [['observation'], []],
    ]);
    const negatives = await get(`${api}/${id}/negative-items`);
    expect(negatives.map((n: any) => [n.code, n.effect, n.deduction])).toEqual([
      ['N1', 'veto', null],
      ['N2', 'deduct', 5],
    ]);
    expect((await admin.inject({ method: 'POST', url: `${api}/${id}/publish` })).statusCode).toBe(200);
  });

  it('reads a flat list numbered 一 / （一） / 1 in a 序号 column, with a 负面清单 sheet, named and coded by the request', async () => {
    const bytes = await workbook(
      [
        ['序号', '指标名称', '分值', '考核方法', '评分标准'],
        ['一', '组织领导', '10分'],
        ['（一）', '机构健全', null],
        [1, '成立创建领导小组', '6分', '查阅资料', '未成立不得分'],
        [2, '明确专人负责', '4分', '听取汇报', '每缺一项扣2分'],
        ['二', '志愿服务', '5分'],
        ['（一）', '队伍建设', 5],
        [1, '志愿者注册', 5, '网络调查', '按注册率计分'],
      ],
      (_ws, wb) => {
        const neg = wb.addWorksheet('负面清单');
        neg.addRow(['序号', '负面清单内容', '处理方式', '扣分']);
        neg.addRow([1, '单位发生违法违纪案件', '一票否决']);
        neg.addRow([2, '创建材料不实', '扣分', '3分']);
      },
    );
    const res = await upload(admin, `${api}/import`, bytes, {
      filename: 'danwei.xlsx',
      fields: { name: '县级文明单位测评标准', code: 'XJWMDW' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const fw = await get(`${api}/${res.json().id}`);
    expect(fw).toMatchObject({ name: '县级文明单位测评标准', code: 'XJWMDW' });
    const tree = await get(`${api}/${fw.id}/indicators`);
    expect(outline(tree)).toEqual([
      '1 组织领导 10',
      '  1.1 机构健全 10',
      '    1.1.1 成立创建领导小组 6',
      '    1.1.2 明确专人负责 4',
      '2 志愿服务 5',
      '  2.1 队伍建设 5',
      '    2.1.1 志愿者注册 5',
    ]);
    const [a, b] = tree[0].children[0].children;
    expect([a.methods, a.scoringRule, b.scoringRule]).toEqual([
      ['document'],
      { kind: 'manual', note: '未成立不得分' },
      { kind: 'deduct', perFinding: 2, floor: 0 },
    ]);
    expect(tree[1].children[0].children[0].scoringRule).toEqual({ kind: 'survey' });
    const negatives = await get(`${api}/${fw.id}/negative-items`);
    expect(negatives.map((n: any) => [n.name, n.effect, n.deduction])).toEqual([
      ['单位发生违法违纪案件', 'veto', null],
      ['创建材料不实', 'deduct', 3],
    ]);
  });
});

describe('POST /frameworks/import: more layouts', () => {
  it('reads a two-row header, parents repeated on each row or left blank as "same as above"', async () => {
    const bytes = await workbook(
      [
        ['测评指标', null, null, '分值', '测评方法'],
        ['一级指标', '二级指标', '三级指标', null, null],
        ['一、组织', '1.1 机构', '成立领导小组', '3分', '查阅资料'],
        ['一、组织', '1.1 机构', '明确责任人', '2分', '听取汇报'],
        ['一、组织', null, '年度计划', 5, '查阅资料'],
        ['二、宣传', '2.1 阵地', '宣传栏', 4, '实地考察'],
      ],
      (ws) => {
        ws.mergeCells('A1:C1');
        ws.mergeCells('D1:D2');
        ws.mergeCells('E1:E2');
      },
    );
    const res = await upload(admin, `${api}/import`, bytes, { filename: '某街道测评表.xlsx' });
    expect(res.statusCode, res.body).toBe(201);
    const fw = await get(`${api}/${res.json().id}`);
    expect(fw.name).toBe('某街道测评表');
    expect(outline(await get(`${api}/${fw.id}/indicators`))).toEqual([
      '1 组织 10',
      '  1.1 机构 10',
      '    1.1.1 成立领导小组 3',
      '    1.1.2 明确责任人 2',
      '    1.1.3 年度计划 5',
      '2 宣传 4',
      '  2.1 阵地 4',
      '    2.1.1 宣传栏 4',
    ]);
  });
});

describe('POST /frameworks/import: bad files', () => {
  it('a malformed workbook answers 400 with every bad row and writes nothing', async () => {
    const before = await countRows(t);
    const bytes = await workbook(
      [
        ['测评体系（有错误）'],
        ['编码', '层级', '名称', '分值', '测评方法', '适用点位'],
        ['1', '一级', '项目一', '10分', null, null],
        ['1.1', '二级', '内容一', '五分', null, null],
        ['1.1.1', '三级', '标准一', 5, '掐指一算', '小区'],
        ['1.1.2', '三级', '标准二', 5, '实地考察', '月球表面'],
        [],
        ['2', '一级', '项目二', 2, '实地考察', null],
        ['2.1.1', '三级', '跳级的标准', 1, '实地考察', null],
        ['1.1', '二级', '重复编码', 1, '实地考察', null],
        ['3', '顶级', '层级写错', 1, null, null],
        ['4', '一级', null, 2, '实地考察', null],
      ],
      (_ws, wb) => {
        const neg = wb.addWorksheet('负面清单');
        neg.addRow(['编码', '名称', '类型', '扣分']);
        neg.addRow(['N1', '说不清的后果', '待定', null]);
      },
    );
    const res = await upload(admin, `${api}/import`, bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_FAILED');
    const rows = res.json().error.details.rows as { row: number; message: string }[];
    expect(rows.map((r) => r.row)).toEqual([2, 4, 5, 6, 9, 10, 11, 12]);
    const text = rows.map((r) => `${r.row} ${r.message}`).join('\n');
    expect(text).toMatch(/4 分值“五分”/);
    expect(text).toMatch(/5 测评方法“掐指一算”无法识别/);
    expect(text).toMatch(/6 适用点位“月球表面”无法识别/);
    expect(text).toMatch(/9 层级跳跃/);
    expect(text).toMatch(/10 编码“1.1”与第 4 行重复/);
    expect(text).toMatch(/11 层级“顶级”无法识别/);
    expect(text).toMatch(/12 缺少指标名称/);
    expect(text).toMatch(/2 【负面清单】无法识别负面清单的处理方式/);
    expect(await countRows(t)).toEqual(before);
  });

  it('an unreadable file, a sheet without a header and an empty sheet are 400 with row 0', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/ not really a workbook')]);
    const cases = [zip, await workbook([['随便写写'], ['没有表头']]), await workbook([['编码', '层级', '名称']])];
    for (const bytes of cases) {
      const res = await upload(admin, `${api}/import`, bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.rows[0].row).toBe(0);
    }
  });
});

describe('export and import again', () => {
  it('the demo civilized-city framework exported and imported gives the same tree and negative list', async () => {
    const list = await get(`${api}?code=WMCS-DEMO`);
    const src = list.items[0];
    const res = await admin.inject({ method: 'GET', url: `${api}/${src.id}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['测评体系', '负面清单']);
    const again = await upload(admin, `${api}/import`, res.rawPayload, { fields: { code: 'WMCS-COPY' } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().indicatorCount).toBe(src.indicatorCount);
    const copy = await get(`${api}/${again.json().id}`);
    expect(copy).toMatchObject({ name: src.name, totalPoints: src.totalPoints, complianceLine: src.complianceLine });
    expect(shapeOf(await get(`${api}/${copy.id}/indicators`))).toEqual(
      shapeOf(await get(`${api}/${src.id}/indicators`)),
    );
    const strip = (items: any[]) => items.map(({ id: _i, ...rest }) => rest);
    expect(strip(await get(`${api}/${copy.id}/negative-items`))).toEqual(
      strip(await get(`${api}/${src.id}/negative-items`)),
    );
  });

  it('an edited draft with every rule kind, weights, standards and a sum-exempt parent survives the round trip', async () => {
    const fw = (await admin.inject({ method: 'POST', url: api, payload: { name: '往返测试', code: 'RT-1' } })).json();
    const add = async (body: Record<string, unknown>) =>
      (await admin.inject({ method: 'POST', url: `${api}/${fw.id}/indicators`, payload: body })).json();
    const top = await add({ name: '1.5 米线（含“引号”）', points: 8, isSumExempt: true, weight: 0.25 });
    const rules = [
      { kind: 'check' },
      { kind: 'deduct', perFinding: 0.25, floor: 1 },
      {
        kind: 'graded',
        levels: [
          { label: '优', ratio: 1 },
          { label: '良', ratio: 0.75 },
          { label: '差', ratio: 0 },
        ],
      },
      { kind: 'survey' },
      { kind: 'manual', note: '专家评议，综合打分：见附件' },
      { kind: 'manual' },
    ];
    for (const [i, rule] of rules.entries())
      await add({
        parentId: top.id,
        name: `标准${i}`,
        points: 1.5,
        standard: `第${i}条的具体要求\n第二行`,
        scoringRule: rule,
      });
    await add({ name: '无分值的项目' });
    const res = await admin.inject({ method: 'GET', url: `${api}/${fw.id}/export.xlsx` });
    const again = await upload(admin, `${api}/import`, res.rawPayload);
    expect(again.statusCode, again.body).toBe(201);
    expect(shapeOf(await get(`${api}/${again.json().id}/indicators`))).toEqual(
      shapeOf(await get(`${api}/${fw.id}/indicators`)),
    );
  });
});
