import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../contracts/documents';
import { docxParagraphs, pagesText } from '../../test/read-back';
import { DEFAULT_TEMPLATES } from './documents.defaults';
import { renderDocx } from './documents.docx';
import { renderPdf } from './documents.pdf';
import { previewDocument } from './documents.preview';

const issuer = { name: 'Sở Nội vụ', parentName: 'UBND tỉnh Thái Nguyên' };
const modelOf = (kind: DocumentKind) => {
  const { source: _s, ...t } = DEFAULT_TEMPLATES[kind];
  return previewDocument(kind, t, issuer, '2026-12-05');
};

describe('laying out every kind', () => {
  it('marks attendance by session with the count of sessions attended', () => {
    const [page] = modelOf('attendance').pages;
    expect(page.landscape).toBe(true);
    expect(page.table?.columns.map((c) => c.label)).toEqual([
      'STT',
      'Họ và tên',
      'Đơn vị',
      '14/12',
      '15/12',
      'Có mặt',
    ]);
    expect(page.table?.rows).toEqual([
      ['1', 'Nguyễn Thị Ánh', 'UBND xã Đông Hòa', 'x', 'x', '2/2'],
      ['2', 'Trần Văn Bình', 'UBND xã Đông Hòa', 'P', 'x', '1/2'],
    ]);
  });

  it('annexes to the results decision the learners who passed with grade and certificate number', () => {
    const [decision, annex] = modelOf('results_decision').pages;
    expect(decision.header?.number).toBe('Số: 05/QĐ');
    expect(decision.paragraphs.find((p) => p.style === 'article')?.text).toContain('cho 2 học viên');
    expect(annex.header).toBeNull();
    expect(annex.paragraphs[0].text).toBe('(Kèm theo Quyết định số 05/QĐ ngày 05/12/2026 của Sở Nội vụ)');
    expect(annex.table?.rows[0]).toEqual([
      '1',
      'Nguyễn Thị Ánh',
      '09/02/1988',
      'UBND xã Đông Hòa',
      'Giỏi',
      'NVC/2026/0001',
    ]);
    expect(annex.table?.rows[1][5]).toBe('—');
  });

  it('prints the certificate register with the status in words, and a transcript with scores and grades', () => {
    const [register] = modelOf('certificate_register').pages;
    expect(register.table?.rows[0]).toContain('Còn hiệu lực');
    const [transcript] = modelOf('transcript').pages;
    expect(transcript.table?.rows[0].slice(4)).toEqual(['8,4', '8,40', '100', 'Giỏi', 'Đạt']);
  });

  it.each(DOCUMENT_KINDS)(
    '%s renders to a PDF and a .docx that read back with the national heading',
    async (kind) => {
      const m = modelOf(kind);
      const pdf = await pagesText(await renderPdf(m));
      expect(pdf[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(pdf[0]).toContain('Thái Nguyên, ngày 05 tháng 12 năm 2026');
      const docx = await docxParagraphs(await renderDocx(m));
      expect(docx).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(docx).toContain(m.pages[0].title);
    },
  );
});
