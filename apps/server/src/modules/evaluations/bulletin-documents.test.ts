import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bulletinDocx, bulletinPdf, bulletinXlsx } from './bulletin-documents';
import { sampleSnapshot } from './bulletin-sample';
import ExcelJS from 'exceljs';

const input = {
  docNumber: '示范文明办〔2026〕12号',
  title: '关于2026年3月文明城市创建测评结果的通报',
  publishedAt: '2026-04-03',
  replacesDocNumber: '示范文明办〔2026〕11号',
  snapshot: sampleSnapshot(),
};

describe('bulletin documents', () => {
  it('Word: GB/T 9704 header, number, title, ranking table and two SVG charts with PNG fallbacks', async () => {
    const zip = await JSZip.loadAsync(await bulletinDocx(input));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('示范文明办〔2026〕12号');
    expect(xml).toContain('关于2026年3月文明城市创建测评结果的通报');
    expect(xml).toContain('更正并替代示范文明办〔2026〕11号');
    expect(xml).toContain('东大街街道');
    expect(xml).toContain('E60012');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('PDF: Chinese text extracts, charts embedded', async () => {
    const pdf = await bulletinPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-')), 'b.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('示范文明办〔2026〕12号');
    expect(text).toContain('合格率');
    expect(text).toContain('公益广告破损未更新');
    const images = execFileSync('pdfimages', ['-list', file]).toString().split('\n');
    expect(images.filter((l) => l.trim().split(/\s+/)[2] === 'image')).toHaveLength(2);
  });

  it('Excel: ranking, rates, lists and problems sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinXlsx(input)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '各项比率', '红黑榜', '主要问题']);
    const sheet = wb.getWorksheet('排名')!;
    expect(sheet.getRow(3).getCell(2).value).toBe('东大街街道');
    expect(sheet.getRow(3).getCell(1).value).toBe(1);
  });
});
