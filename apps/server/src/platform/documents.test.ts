import { describe, expect, it } from 'vitest';
import { readZipEntry } from '../modules/campaigns/test-fixtures';
import { buildOfficialDocument, chineseDate, formatDocNumber } from './documents';
import { sniffContentType } from './files';

describe('official documents (GB/T 9704)', () => {
  it('formats document numbers and dates the official way', () => {
    expect(formatDocNumber('示范文明办', 2026, 12)).toBe('示范文明办〔2026〕12号');
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    // 2026-03-04 20:00 UTC is already 5 March in Asia/Shanghai.
    expect(chineseDate(new Date('2026-03-04T20:00:00Z'))).toBe('2026年3月5日');
  });

  it('builds a .docx with red mark and separator, number, title, body, table and signature', async () => {
    const bytes = await buildOfficialDocument({
      issuer: '示范市精神文明建设指导委员会办公室',
      docNumber: '示范文明办〔2026〕12号',
      title: '关于开展文明交通专项行动的通知',
      addressee: '各区文明办',
      blocks: [
        { kind: 'paragraph', text: '为巩固创建成果，决定开展专项行动。' },
        { kind: 'heading', level: 1, text: '一、工作任务' },
        { kind: 'table', columns: [{ header: '序号' }, { header: '任务', width: 4 }], rows: [[1, '礼让斑马线']] },
      ],
      signature: { office: '示范市精神文明建设指导委员会办公室', date: '2026-05-06' },
    });
    expect(sniffContentType(bytes)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = readZipEntry(bytes, 'word/document.xml')!;
    for (const text of [
      '示范文明办〔2026〕12号',
      '关于开展文明交通专项行动的通知',
      '各区文明办：',
      '礼让斑马线',
      '2026年5月6日',
    ])
      expect(xml).toContain(text);
    expect(xml).toContain('w:color w:val="E60012"');
    expect(xml).toMatch(/<w:bottom [^>]*w:color="E60012"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:firstLine="640"');
    expect(readZipEntry(bytes, 'word/styles.xml')).toContain('w:eastAsia="SimSun"');
  });
});
