/**
 * A document as PDF (ADR 040): A4 with the margins of Decree 30/2020 annex I (top and bottom
 * 20 mm, left 30 mm, right 15 mm), DejaVu Serif from `dejavu-fonts-ttf` as the certificates
 * use (every Vietnamese diacritic, embedded). Tables break across pages with their header
 * row repeated. Only draws: what to print is decided by documents.build.ts.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocModelT, DocPageT } from '../../../contracts/documents';

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
  boldItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-BoldItalic.ttf'),
};
const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

type Doc = PDFKit.PDFDocument;

function underline(doc: Doc, cx: number, y: number, half: number) {
  doc
    .moveTo(cx - half, y)
    .lineTo(cx + half, y)
    .lineWidth(0.6)
    .stroke();
}

/** Issuing body top left, national title and motto top right, place and date under them. */
function drawHeader(doc: Doc, h: NonNullable<DocPageT['header']>, width: number) {
  const x = MARGIN.left;
  const leftW = width * 0.42;
  const rightX = x + leftW;
  const rightW = width - leftW;
  let y = MARGIN.top;
  if (h.parentBody) {
    doc
      .font('regular')
      .fontSize(11)
      .text(h.parentBody.toUpperCase(), x, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(11).text(h.issuingBody.toUpperCase(), x, y, { width: leftW, align: 'center' });
  y = doc.y + 5;
  underline(doc, x + leftW / 2, y, 30);
  if (h.number)
    doc
      .font('regular')
      .fontSize(11.5)
      .text(h.number, x, y + 8, { width: leftW, align: 'center' });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(11)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, MARGIN.top, { width: rightW, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightW, align: 'center' });
  const motto = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const uy = doc.y + 4;
  underline(doc, rightX + rightW / 2, uy, motto / 2);
  doc
    .font('italic')
    .fontSize(11.5)
    .text(h.dateLine, rightX, uy + 8, { width: rightW, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 18;
}

function drawTable(doc: Doc, t: NonNullable<DocPageT['table']>, width: number, bottom: number) {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const pad = 3;
  const size = t.columns.length > 10 ? 8 : 9.5;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, y: number, h: number) => {
    let x = MARGIN.left;
    doc.font(font).fontSize(size);
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke();
      doc.text(c, x + pad, y + pad, {
        width: widths[i] - 2 * pad,
        align: font === 'bold' ? 'center' : 'left',
      });
      x += widths[i];
    });
  };
  const head = t.columns.map((c) => c.label);
  const headH = rowHeight(head, 'bold');
  let y = doc.y;
  drawRow(head, 'bold', y, headH);
  y += headH;
  for (const row of t.rows) {
    const h = rowHeight(row, 'regular');
    if (y + h > bottom) {
      doc.addPage();
      y = MARGIN.top;
      drawRow(head, 'bold', y, headH);
      y += headH;
    }
    drawRow(row, 'regular', y, h);
    y += h;
  }
  doc.x = MARGIN.left;
  doc.y = y + 10;
}

function drawPage(doc: Doc, p: DocPageT) {
  doc.addPage({ size: 'A4', layout: p.landscape ? 'landscape' : 'portrait', margins: MARGIN });
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = doc.page.height - MARGIN.bottom;
  const x = MARGIN.left;
  if (p.header) drawHeader(doc, p.header, width);
  doc.font('bold').fontSize(14).text(p.title, x, doc.y, { width, align: 'center' });
  if (p.summary) {
    doc
      .font('bold')
      .fontSize(13)
      .text(p.summary, x + width * 0.1, doc.y + 2, { width: width * 0.8, align: 'center' });
    underline(doc, x + width / 2, doc.y + 6, 45);
    doc.y += 18;
  } else doc.y += 8;
  for (const para of p.paragraphs) {
    const opts = { width, align: 'justify' as const, indent: 28, paragraphGap: 4 };
    if (para.style === 'heading')
      doc
        .font('bold')
        .fontSize(13)
        .text(para.text, x, doc.y + 2, { width, align: 'center', paragraphGap: 4 });
    else if (para.style === 'article') {
      const m = /^(Điều \d+\.)(.*)$/s.exec(para.text);
      doc
        .font('bold')
        .fontSize(13)
        .text(m?.[1] ?? para.text, x, doc.y, { ...opts, continued: true });
      doc.font('regular').text(m?.[2] ?? '', opts);
    } else
      doc
        .font(para.style === 'italic' ? 'italic' : 'regular')
        .fontSize(13)
        // An annex's "(Kèm theo ...)" line sits centred under its title.
        .text(para.text, x, doc.y, p.header ? opts : { width, align: 'center', paragraphGap: 4 });
  }
  if (p.table) {
    doc.y += 4;
    drawTable(doc, p.table, width, bottom);
  }
  if (!p.signer && !p.recipients.length) return;
  // Recipients left, signature right; a new page when the blocks would not fit.
  if (doc.y + 150 > bottom) doc.addPage();
  const top = doc.y + 10;
  const half = width / 2;
  if (p.recipients.length) {
    doc.font('boldItalic').fontSize(12).text('Nơi nhận:', x, top, { width: half });
    doc.font('regular').fontSize(11);
    for (const r of p.recipients) doc.text(`- ${r}`, x, doc.y, { width: half });
  }
  if (p.signer) {
    const sx = x + half;
    let sy = top;
    if (p.signer.authority) {
      doc
        .font('bold')
        .fontSize(13)
        .text(p.signer.authority.toUpperCase(), sx, sy, { width: half, align: 'center' });
      sy = doc.y;
    }
    doc
      .font('bold')
      .fontSize(13)
      .text(p.signer.title.toUpperCase(), sx, sy, { width: half, align: 'center' });
    if (p.signer.name)
      doc
        .font('bold')
        .fontSize(13)
        .text(p.signer.name, sx, doc.y + 70, { width: half, align: 'center' });
  }
}

/** The PDF of a document: each page as laid out, tables running on as needed. */
export function renderPdf(model: DocModelT): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    lang: 'vi-VN',
    info: { Title: model.pages[0]?.title ?? model.fileName, Creator: 'dtbd' },
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  doc.registerFont('italic', FONT.italic);
  doc.registerFont('boldItalic', FONT.boldItalic);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (!model.pages.length) doc.addPage({ size: 'A4', margins: MARGIN });
  for (const p of model.pages) drawPage(doc, p);
  doc.end();
  return done;
}
