// Official documents as PDF with pdfkit and the Noto CJK fonts: the same blocks as the Word builder (documents.ts),
// laid out like GB/T 9704 (red issuing-office mark, document number over a red line, title, body, signature).
// Charts come in as PNG rendered by resvg from the same ECharts SVG the Word document embeds.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type DocumentBlock, type OfficialDocument, chineseDate } from './documents';

export const PDF_TYPE = 'application/pdf';
const SERIF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const SANS_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
const MM = 72 / 25.4;
const RED = '#E60012';
const BODY = 16; // 三号
const TABLE = 11;

type Doc = InstanceType<typeof PDFDocument>;

// fontkit comes with pdfkit; it has no bundled types.
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer, postscriptName: string): object };
let fonts: { serif: object; bold: object } | null = null;

/**
 * Two faces (serif for text as 仿宋 would be, bold sans for the mark, title and headings), parsed once per process:
 * pdfkit takes a parsed fontkit font, and parsing a 20 MB CJK collection per document would cost about a second.
 */
function registerFonts(pdf: Doc) {
  fonts ??= {
    serif: fontkit.create(fs.readFileSync(SERIF), 'NotoSerifCJKsc-Regular'),
    bold: fontkit.create(fs.readFileSync(SANS_BOLD), 'NotoSansCJKsc-Bold'),
  };
  pdf.registerFont('body', fonts.serif as never);
  pdf.registerFont('heading', fonts.bold as never);
}

function header(pdf: Doc, doc: OfficialDocument, width: number) {
  const left = pdf.page.margins.left;
  if (doc.issuer) {
    const size = Math.min(36, Math.floor(width / [...doc.issuer].length));
    pdf.font('heading').fontSize(size).fillColor(RED).text(doc.issuer, { align: 'center', width });
    pdf.moveDown(0.6);
  }
  if (doc.docNumber) pdf.font('body').fontSize(BODY).fillColor('black').text(doc.docNumber, { align: 'center' });
  if (doc.issuer || doc.docNumber) {
    const y = pdf.y + 6;
    pdf
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(1.5)
      .strokeColor(RED)
      .stroke();
    pdf.y = y + 24;
  }
  pdf.font('heading').fontSize(22).fillColor('black').text(doc.title, { align: 'center', width });
  pdf.moveDown(0.8);
  if (doc.addressee) pdf.font('body').fontSize(BODY).text(`${doc.addressee}：`, { align: 'left' });
}

function ensureRoom(pdf: Doc, height: number) {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function table(pdf: Doc, b: Extract<DocumentBlock, { kind: 'table' }>, width: number) {
  const left = pdf.page.margins.left;
  const total = b.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = b.columns.map((c) => ((c.width ?? 1) / total) * width);
  const drawRow = (cells: string[], head: boolean) => {
    pdf.font(head ? 'heading' : 'body').fontSize(TABLE);
    const h = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i] - 8 }))) + 8;
    ensureRoom(pdf, h);
    const y = pdf.y;
    let x = left;
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).strokeColor('black').stroke();
      pdf.fillColor('black').text(c, x + 4, y + 4, { width: widths[i] - 8, align: head ? 'center' : 'left' });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  drawRow(
    b.columns.map((c) => c.header),
    true,
  );
  for (const r of b.rows)
    drawRow(
      r.map((v) => (v === null ? '' : String(v))),
      false,
    );
  pdf.moveDown(0.6);
}

function image(pdf: Doc, b: Extract<DocumentBlock, { kind: 'image' }>, width: number) {
  const w = Math.min(width, b.width * 0.75);
  const h = (w / b.width) * b.height;
  ensureRoom(pdf, h + 24);
  const left = pdf.page.margins.left + (width - w) / 2;
  pdf.image(b.png, left, pdf.y, { width: w, height: h });
  pdf.y += h + 4;
  pdf.x = pdf.page.margins.left;
  if (b.caption) pdf.font('body').fontSize(TABLE).text(b.caption, { align: 'center', width });
  pdf.moveDown(0.6);
}

function block(pdf: Doc, b: DocumentBlock, width: number) {
  if (b.kind === 'table') return table(pdf, b, width);
  if (b.kind === 'image') return image(pdf, b, width);
  const indent = b.kind === 'heading' || b.indent !== false ? BODY * 2 : 0;
  const fontName = b.kind === 'heading' || b.bold ? 'heading' : 'body';
  pdf.font(fontName).fontSize(BODY).fillColor('black').text(b.text, { indent, align: 'justify', width, lineGap: 6 });
}

/** The PDF bytes of an official document (A4, GB/T 9704 margins), with the fonts embedded as subsets. */
export function buildOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: { Title: doc.title, Author: doc.signature.office },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  registerFonts(pdf);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  header(pdf, doc, width);
  for (const b of doc.blocks) block(pdf, b, width);
  ensureRoom(pdf, BODY * 6);
  pdf.moveDown(2);
  pdf
    .font('body')
    .fontSize(BODY)
    .text(doc.signature.office, { align: 'right', width: width - BODY * 4 });
  pdf.text(chineseDate(doc.signature.date), { align: 'right', width: width - BODY * 4 });
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('body')
      .fontSize(12)
      .text(`— ${i + 1} —`, 0, pdf.page.height - 25 * MM, { align: 'center', width: pdf.page.width });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
