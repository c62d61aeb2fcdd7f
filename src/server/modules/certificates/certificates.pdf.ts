/**
 * The printed certificate (ADR 014): A4 in the administrative layout of Decree 30/2020 (issuing
 * body top left, national title and motto top right, place and date, signature block), in
 * DejaVu Serif shipped by the `dejavu-fonts-ttf` package (every Vietnamese diacritic, embedded
 * and subset), with a vector QR code of the public verification page. What is printed is built
 * first as plain lines (`certificateText`, tested), then drawn.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
};

export interface PrintedCertificate {
  number: string;
  token: string;
  holderName: string;
  holderBirthDate: string | null;
  programmeName: string;
  classCode: string;
  classStartsOn: string;
  classEndsOn: string;
  gradeVi: string;
  issuedOn: string;
  issuerName: string;
  signerName: string;
  signerTitle: string;
  /** The number of the certificate a certifying paper replaces. */
  replacesNumber: string | null;
}

export interface PrintedHeader {
  governingBody: string | null;
  partyBody: boolean;
  place: string;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "Hạ Long, ngày 05 tháng 01 năm 2027": day under 10 and months 1-2 written with a leading 0 (Decree 30). */
export function placeDateLine(place: string, iso: string): string {
  const d = Number(iso.slice(8, 10));
  const m = Number(iso.slice(5, 7));
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${iso.slice(0, 4)}`;
}

export const verifyUrl = (origin: string, token: string) => `${origin.replace(/\/+$/, '')}/verify/${token}`;

/** Every line printed on the paper, by block. */
export function certificateText(c: PrintedCertificate, h: PrintedHeader, origin: string) {
  const replacement = c.replacesNumber !== null;
  return {
    issuer: [...(h.governingBody ? [h.governingBody.toUpperCase()] : []), c.issuerName.toUpperCase()],
    number: `Số: ${c.number}`,
    nation: h.partyBody
      ? ['ĐẢNG CỘNG SẢN VIỆT NAM']
      : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    dateLine: placeDateLine(h.place, c.issuedOn),
    title: replacement ? 'GIẤY CHỨNG NHẬN' : 'CHỨNG CHỈ',
    subtitle: replacement
      ? `Có giá trị thay thế chứng chỉ số ${c.replacesNumber}`
      : 'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
    lead: `${c.issuerName} chứng nhận:`,
    fields: [
      ['Họ và tên', c.holderName],
      ['Ngày sinh', c.holderBirthDate ? ddmmyyyy(c.holderBirthDate) : '—'],
      ['Đã hoàn thành chương trình', c.programmeName],
      ['Lớp', `${c.classCode}, từ ngày ${ddmmyyyy(c.classStartsOn)} đến ngày ${ddmmyyyy(c.classEndsOn)}`],
      ['Xếp loại', c.gradeVi],
    ] as [string, string][],
    signer: [c.signerTitle.toUpperCase(), c.signerName],
    verify: ['Tra cứu tính xác thực:', verifyUrl(origin, c.token)],
  };
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let r = 0; r < n; r++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(r, col)) doc.rect(x + col * cell, y + r * cell, cell, cell);
  doc.fill('#000');
}

function drawPage(doc: PDFKit.PDFDocument, c: PrintedCertificate, h: PrintedHeader, origin: string) {
  const t = certificateText(c, h, origin);
  const left = 36;
  const leftW = 250;
  const right = 290;
  const rightW = 275;
  let y = 50;
  // Issuing body, top left.
  t.issuer.forEach((line, i) => {
    const last = i === t.issuer.length - 1;
    doc
      .font(last ? 'bold' : 'regular')
      .fontSize(10.5)
      .text(line, left, y, { width: leftW, align: 'center' });
    y = doc.y;
  });
  doc
    .moveTo(left + leftW / 2 - 35, y + 5)
    .lineTo(left + leftW / 2 + 35, y + 5)
    .lineWidth(0.7)
    .stroke();
  doc
    .font('regular')
    .fontSize(11)
    .text(t.number, left, y + 12, { width: leftW, align: 'center' });
  // National title and motto, top right.
  let ry = 50;
  t.nation.forEach((line, i) => {
    doc
      .font('bold')
      .fontSize(i === 0 ? 10.5 : 12)
      .text(line, right, ry, { width: rightW, align: 'center' });
    ry = doc.y;
  });
  doc
    .moveTo(right + rightW / 2 - 75, ry + 3)
    .lineTo(right + rightW / 2 + 75, ry + 3)
    .lineWidth(0.7)
    .stroke();
  doc
    .font('italic')
    .fontSize(11)
    .text(t.dateLine, right, ry + 14, { width: rightW, align: 'center' });

  doc.font('bold').fontSize(26).text(t.title, 50, 200, { width: 495, align: 'center' });
  doc
    .font('italic')
    .fontSize(12)
    .text(t.subtitle, 50, doc.y + 4, { width: 495, align: 'center' });
  doc
    .font('regular')
    .fontSize(13)
    .text(t.lead, 80, doc.y + 30, { width: 435 });
  let fy = doc.y + 12;
  for (const [label, value] of t.fields) {
    doc.font('regular').fontSize(13).text(`${label}: `, 80, fy, { continued: true, width: 435 });
    doc.font('bold').text(value);
    fy = doc.y + 8;
  }
  // Signature block, right.
  const sy = Math.max(fy + 30, 520);
  doc.font('bold').fontSize(12).text(t.signer[0], right, sy, { width: rightW, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', right, doc.y + 2, { width: rightW, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(t.signer[1], right, sy + 110, { width: rightW, align: 'center' });
  // QR code of the public page, bottom left.
  const qy = 650;
  drawQr(doc, t.verify[1], left, qy, 92);
  doc
    .font('regular')
    .fontSize(8)
    .text(t.verify[0], left + 102, qy + 30, { width: 400 });
  doc.text(t.verify[1], left + 102, doc.y + 2, { width: 400 });
}

/** One PDF, a page per certificate (bulk print of a class, or a single one). */
export function renderCertificates(
  items: { cert: PrintedCertificate; header: PrintedHeader }[],
  origin: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    autoFirstPage: false,
    lang: 'vi-VN',
    info: { Title: items.length === 1 ? `Chứng chỉ ${items[0].cert.number}` : 'Chứng chỉ', Creator: 'dtbd' },
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  doc.registerFont('italic', FONT.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const { cert, header } of items) {
    doc.addPage();
    drawPage(doc, cert, header, origin);
  }
  doc.end();
  return done;
}
