import { describe, expect, it } from 'vitest';
import { LEGAL_REFERENCES } from '../../../contracts/legal-sources';
import { pagesText } from '../../test/read-back';
import {
  certificateText,
  type PrintedCertificate,
  placeDateLine,
  renderCertificates,
} from './certificates.pdf';

const cert: PrintedCertificate = {
  number: 'NVC/2027/0001',
  token: 'AbCdEfGhIjKlMnOpQrStUv',
  holderName: 'Nguyễn Thị Ngọc Ánh',
  holderBirthDate: '1988-02-09',
  programmeName: 'Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4',
  classCode: 'K24/2027',
  classStartsOn: '2027-03-01',
  classEndsOn: '2027-06-30',
  gradeVi: 'Xuất sắc',
  issuedOn: '2027-01-05',
  issuerName: 'Trường Chính trị Nguyễn Văn Cừ',
  signerName: 'Đặng Thị Hương',
  signerTitle: 'Hiệu trưởng',
  replacesNumber: null,
};
const header = { governingBody: 'Tỉnh ủy Quảng Ninh', partyBody: false, place: 'Hạ Long' };
const origin = 'https://dtbd.quangninh.gov.vn';

describe('certificate PDF', () => {
  it.each([
    ['2027-01-05', 'Hạ Long, ngày 05 tháng 01 năm 2027'],
    ['2027-02-14', 'Hạ Long, ngày 14 tháng 02 năm 2027'],
    ['2027-03-09', 'Hạ Long, ngày 09 tháng 3 năm 2027'],
    ['2027-12-31', 'Hạ Long, ngày 31 tháng 12 năm 2027'],
  ])('writes the date line of %s as the decree asks', (iso, line) => {
    expect(placeDateLine('Hạ Long', iso)).toBe(line);
  });

  it('renders every Vietnamese diacritic: the text read back equals the NFC strings', async () => {
    const pdf = await renderCertificates([{ cert, header }], origin);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page] = await pagesText(pdf);
    expect(page.normalize('NFC')).toBe(page);
    const expected = [
      'TỈNH ỦY QUẢNG NINH',
      'TRƯỜNG CHÍNH TRỊ NGUYỄN VĂN CỪ',
      'Số: NVC/2027/0001',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hạ Long, ngày 05 tháng 01 năm 2027',
      'CHỨNG CHỈ',
      'Họ và tên: Nguyễn Thị Ngọc Ánh',
      'Ngày sinh: 09/02/1988',
      'Đã hoàn thành chương trình: Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4',
      'Lớp: K24/2027, từ ngày 01/03/2027 đến ngày 30/06/2027',
      'Xếp loại: Xuất sắc',
      'HIỆU TRƯỞNG',
      'Đặng Thị Hương',
      `${origin}/verify/AbCdEfGhIjKlMnOpQrStUv`,
    ];
    for (const s of expected) {
      expect(s.normalize('NFC')).toBe(s);
      expect(page).toContain(s);
    }
  });

  it('prints a certifying paper with the number it replaces, and a party header; one page each in bulk', async () => {
    const paper = { ...cert, number: 'NVC/2027/0001/XN', replacesNumber: 'NVC/2027/0001' };
    const other = { ...cert, number: 'NVC/2027/0002', holderName: 'Lê Văn Cường' };
    const party = { ...header, partyBody: true };
    const pages = await pagesText(
      await renderCertificates(
        [
          { cert: paper, header: party },
          { cert: other, header },
        ],
        origin,
      ),
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('GIẤY CHỨNG NHẬN');
    expect(pages[0]).toContain('Có giá trị thay thế chứng chỉ số NVC/2027/0001');
    expect(pages[0]).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(pages[0]).not.toContain('CỘNG HÒA');
    expect(pages[1]).toContain('Họ và tên: Lê Văn Cường');
    expect(certificateText(paper, party, origin).title).toBe('GIẤY CHỨNG NHẬN');
  });
});

describe('certificate PDF: no legal citation (ADR 049)', () => {
  it('prints no document of the checked list, so nothing still open is printed, and names the training in its fixed order', async () => {
    const pdf = await renderCertificates([{ cert, header }], origin);
    const printed = (await pagesText(pdf)).join('\n').normalize('NFC');
    const numbers = Object.values(LEGAL_REFERENCES).map(
      (r) => r.document.match(/\d+(\/\d{4})?[/-][^\s,;]+/u)?.[0],
    );
    for (const n of numbers.filter(Boolean)) expect(printed).not.toContain(n);
    expect(printed).not.toMatch(/Nghị định|Thông tư|Quy định \d|Luật Cán bộ|Căn cứ/);
    expect(certificateText(cert, header, origin).subtitle).toBe(
      'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
    );
  });
});
