/**
 * The pure part of official documents (ADR 040): placeholders in templates, paragraph styles,
 * the decree's date line and number. Tested without a database.
 */
import {
  type DocPageT,
  type DocumentKind,
  PLACEHOLDERS,
  SUBJECT_OF,
  type TemplateBodyT,
} from '../../../contracts/documents';
import { type FieldError, invalid } from '../../lib/errors';

export { placeDateLine } from '../certificates/certificates.pdf';

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a kind's template may use. */
export const placeholdersOf = (kind: DocumentKind) => PLACEHOLDERS[SUBJECT_OF[kind]];

/** The fields of a template that may hold placeholders, each as a list of texts. */
function placeholderFields(t: TemplateBodyT): [string, string[]][] {
  return [
    ['title', [t.title]],
    ['summary', [t.summary]],
    ['body', t.body],
    ['recipients', t.recipients],
  ];
}

/** Refuse (400) a template naming a placeholder the kind does not know, or a brace left open. */
export function assertPlaceholders(kind: DocumentKind, t: TemplateBodyT): void {
  const known = placeholdersOf(kind);
  const errors: FieldError[] = [];
  for (const [field, texts] of placeholderFields(t)) {
    texts.forEach((text, i) => {
      const where = texts.length > 1 || field === 'body' || field === 'recipients' ? `${field}.${i}` : field;
      const unknown = [...text.matchAll(TOKEN)].map((m) => m[1]).filter((k) => !(k in known));
      const rest = text.replace(TOKEN, '');
      if (unknown.length)
        errors.push({
          field: where,
          message: {
            vi: `chỗ điền không có: ${unknown.map((k) => `{{${k}}}`).join(', ')} (dùng được: ${Object.keys(known).join(', ')})`,
            en: `unknown placeholder: ${unknown.map((k) => `{{${k}}}`).join(', ')} (known: ${Object.keys(known).join(', ')})`,
          },
        });
      else if (rest.includes('{{') || rest.includes('}}'))
        errors.push({
          field: where,
          message: { vi: 'dấu {{ }} chưa đóng hoặc thừa', en: 'a {{ }} is left open or unmatched' },
        });
    });
  }
  if (errors.length) throw invalid(errors);
}

/** Fill the placeholders of a text from the values (a missing value prints as an ellipsis). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(TOKEN, (_m, key: string) => values[key] ?? '…');
}

/** How a body paragraph is printed: a line in capitals is a centred heading, "Điều N." an article. */
export function styleOf(text: string): DocPageT['paragraphs'][number]['style'] {
  if (/^Điều \d+\./.test(text)) return 'article';
  if (/^Căn cứ /.test(text)) return 'italic';
  if (text === text.toUpperCase() && /\p{L}/u.test(text)) return 'heading';
  return 'normal';
}

/** "12/QĐ-TTCT": numbers under 10 take a leading 0 (Decree 30/2020, annex I). */
export const decisionNumber = (seq: number, symbol: string) =>
  `${String(seq).padStart(2, '0')}${symbol ? `/${symbol}` : ''}`;

/** "dd/mm/yyyy" of an ISO date, or an em dash. */
export const dmy = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—';

/** A file name from the kind and record, in ASCII. */
export const fileNameOf = (kind: DocumentKind, ref: string) =>
  `${kind}-${ref}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9_-]+/g, '-');
