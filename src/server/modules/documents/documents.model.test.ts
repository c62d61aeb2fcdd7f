import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../contracts/documents';
import { DEFAULT_TEMPLATES } from './documents.defaults';
import { assertPlaceholders, decisionNumber, fill, styleOf } from './documents.model';

const base = (() => {
  const { source: _s, ...t } = DEFAULT_TEMPLATES.class_opening;
  return t;
})();

describe('document templates and numbers', () => {
  it.each(DOCUMENT_KINDS)(
    'the default template of %s uses only its known placeholders and cites its source',
    (kind) => {
      const { source, ...t } = DEFAULT_TEMPLATES[kind];
      expect(() => assertPlaceholders(kind, t)).not.toThrow();
      expect(source).toMatch(/Nghị định 30\/2020\/NĐ-CP|Thông tư/);
    },
  );

  it('refuses an unknown placeholder, naming the field and the placeholder in both languages', () => {
    const t = { ...base, body: ['Điều 1. Mở lớp {{class.name}}', 'Kính gửi {{lop.ten}}'] };
    try {
      assertPlaceholders('class_opening', t);
      expect.unreachable();
    } catch (e) {
      const body = (
        e as {
          toBody(l: 'vi' | 'en'): {
            error: { code: string; details: { fields: { field: string; message: string }[] } };
          };
        }
      ).toBody('vi');
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.fields).toHaveLength(1);
      expect(body.error.details.fields[0].field).toBe('body.1');
      expect(body.error.details.fields[0].message).toContain('chỗ điền không có: {{lop.ten}}');
    }
  });

  it('refuses a learner placeholder in a plan template and a brace left open', () => {
    const { source: _s, ...plan } = DEFAULT_TEMPLATES.plan_approval;
    expect(() => assertPlaceholders('plan_approval', { ...plan, summary: 'Về {{class.name}}' })).toThrow();
    expect(() =>
      assertPlaceholders('class_opening', { ...base, title: 'QUYẾT ĐỊNH {{class.name' }),
    ).toThrow();
  });

  it('fills placeholders, with spaces inside the braces, and leaves an ellipsis for a missing value', () => {
    expect(
      fill('Lớp {{ class.name }} ({{class.code}}) tại {{class.venue}}', {
        'class.name': 'Bồi dưỡng A',
        'class.code': 'K1',
      }),
    ).toBe('Lớp Bồi dưỡng A (K1) tại …');
  });

  it.each([
    [1, 'QĐ-TTCT', '01/QĐ-TTCT'],
    [9, 'QĐ', '09/QĐ'],
    [12, 'QĐ-TTCT', '12/QĐ-TTCT'],
    [130, 'QĐ-SNV', '130/QĐ-SNV'],
  ])('number %i with symbol %s reads %s', (seq, symbol, number) => {
    expect(decisionNumber(seq, symbol)).toBe(number);
  });

  it.each([
    ['QUYẾT ĐỊNH:', 'heading'],
    ['Điều 2. Quyết định này có hiệu lực', 'article'],
    ['Căn cứ Nghị định số 101/2017/NĐ-CP;', 'italic'],
    ['Theo đề nghị của phòng.', 'normal'],
  ])('prints "%s" as %s', (text, style) => {
    expect(styleOf(text)).toBe(style);
  });
});
