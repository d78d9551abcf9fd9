// Official documents (公文) as Word files in the layout of GB/T 9704-2012: issuing-office mark in red, document
// number over a red separator line, title, addressee, body, tables, issuing office and date. Reminder letters,
// self-inspection reports and bulletins are built from this one place.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Fonts of GB/T 9704 documents. Where a font is not installed, the reader's substitution applies: the
 * document defaults name SimSun, which every Chinese Word and LibreOffice install has.
 */
export const officialFonts = {
  mark: '方正小标宋简体',
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  fallback: 'SimSun',
  latin: 'Times New Roman',
};

/** Font sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt. */
const SIZE = { title: 44, body: 32, table: 24, footer: 28 };
const MM = 56.7; // twips per millimetre
/** 三号 characters are 16pt = 320 twips wide: a two-character indent is 640. */
const CHAR = 320;
/** Fixed line pitch of 28.95pt gives the standard 22 lines per page. */
const LINE = 579;
const RED = 'E60012';
const TEXT_WIDTH_PT = (210 - 28 - 26) * 2.835;

export type DocumentBlock =
  | { kind: 'paragraph'; text: string; indent?: boolean; bold?: boolean }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'table'; columns: { header: string; width?: number }[]; rows: (string | number | null)[][] }
  /** A centred picture: an SVG with its PNG fallback (for readers without SVG), sized in pixels at 96 dpi. */
  | { kind: 'image'; svg: string; png: Buffer; width: number; height: number; caption?: string };

export interface OfficialDocument {
  /** 发文机关标志, e.g. "示范市精神文明建设指导委员会办公室" (add "文件" for the 文件 form). */
  issuer?: string;
  /** e.g. 示范文明办〔2026〕12号; see formatDocNumber. */
  docNumber?: string;
  title: string;
  /** 主送机关, printed with a colon after it. */
  addressee?: string;
  blocks: DocumentBlock[];
  signature: { office: string; date: Date | string };
}

const font = (eastAsia: string) => ({ ascii: officialFonts.latin, hAnsi: officialFonts.latin, eastAsia });
const run = (text: string, eastAsia: string, size: number, opts: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: font(eastAsia), size, bold: opts.bold, color: opts.color });
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

/** 示范文明办〔2026〕12号: issuer's short name, year in 六角括号, number without leading zeros. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** 2026年3月5日 in Asia/Shanghai, with Arabic numerals as GB/T 9704-2012 prescribes. */
export function chineseDate(d: Date | string): string {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) {
    const [y, m, day] = d.split('-').map(Number);
    return `${y}年${m}月${day}日`;
  }
  const local = new Date(new Date(d).getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

function headerBlock(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.issuer) {
    // The mark fills at most the text width: long office names get a smaller size.
    const pt = Math.min(36, Math.floor(TEXT_WIDTH_PT / [...doc.issuer].length));
    out.push(
      new Paragraph({
        alignment: AlignmentType.DISTRIBUTE,
        spacing: { before: 0, after: 240 },
        children: [run(doc.issuer, officialFonts.mark, pt * 2, { color: RED })],
      }),
    );
  }
  if (doc.issuer || doc.docNumber) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 480, ...exact(LINE) },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
        children: doc.docNumber ? [run(doc.docNumber, officialFonts.body, SIZE.body)] : [],
      }),
    );
  }
  return out;
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480, line: 720, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, officialFonts.title, SIZE.title, { bold: true })],
    }),
  ];
  if (doc.addressee)
    out.push(
      new Paragraph({
        spacing: exact(LINE),
        children: [run(`${doc.addressee}：`, officialFonts.body, SIZE.body)],
      }),
    );
  return out;
}

function tableBlock(b: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const total = b.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: (width / total) * 100, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? officialFonts.heading1 : officialFonts.body, SIZE.table)],
        }),
      ],
    });
  const widths = b.columns.map((c) => c.width ?? 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.header, true, widths[i])) }),
      ...b.rows.map(
        (r) => new TableRow({ children: r.map((v, i) => cell(v === null ? '' : String(v), false, widths[i])) }),
      ),
    ],
  });
}

/** The image shrunk to the text width (A4 less margins, about 590 px at 96 dpi) with the same aspect. */
function imageBlock(b: Extract<DocumentBlock, { kind: 'image' }>): Paragraph[] {
  const maxWidth = Math.floor((TEXT_WIDTH_PT / 72) * 96);
  const k = Math.min(1, maxWidth / b.width);
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(b.svg, 'utf8'),
          fallback: { type: 'png', data: b.png },
          transformation: { width: Math.round(b.width * k), height: Math.round(b.height * k) },
          altText: b.caption ? { name: b.caption, description: b.caption, title: b.caption } : undefined,
        }),
      ],
    }),
  ];
  if (b.caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(b.caption, officialFonts.heading2, SIZE.table)],
      }),
    );
  return out;
}

function bodyBlock(b: DocumentBlock): Paragraph | Table | Paragraph[] {
  if (b.kind === 'table') return tableBlock(b);
  if (b.kind === 'image') return imageBlock(b);
  if (b.kind === 'heading')
    return new Paragraph({
      indent: { firstLine: 2 * CHAR },
      spacing: exact(LINE),
      children: [run(b.text, b.level === 1 ? officialFonts.heading1 : officialFonts.heading2, SIZE.body)],
    });
  return new Paragraph({
    indent: b.indent === false ? undefined : { firstLine: 2 * CHAR },
    spacing: exact(LINE),
    alignment: AlignmentType.JUSTIFIED,
    children: [run(b.text, officialFonts.body, SIZE.body, { bold: b.bold })],
  });
}

function signatureBlock(doc: OfficialDocument): Paragraph[] {
  const line = (text: string, rightChars: number, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: rightChars * CHAR },
      spacing: { before, ...exact(LINE) },
      children: [run(text, officialFonts.body, SIZE.body)],
    });
  // The date sits four characters in from the right edge; the office is centred above it.
  const date = chineseDate(doc.signature.date);
  const officeIndent = Math.max(0, 4 + ([...date].length - [...doc.signature.office].length) / 2);
  return [line(doc.signature.office, officeIndent, 3 * LINE), line(date, 4)];
}

const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(officialFonts.fallback), size: 28 }),
        ],
      }),
    ],
  });

/** The .docx bytes of an official document in GB/T 9704 layout (A4, 37/35/28/26 mm margins, 22 lines of 28). */
export async function buildOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const file = new Document({
    creator: doc.signature.office,
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: font(officialFonts.fallback), size: SIZE.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: { default: pageFooter() },
        children: [...headerBlock(doc), ...titleBlock(doc), ...doc.blocks.flatMap(bodyBlock), ...signatureBlock(doc)],
      },
    ],
  });
  return Packer.toBuffer(file);
}
