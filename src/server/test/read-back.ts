/** Reading generated files back in tests: the text of each PDF page (pdf.js), the text of a .docx. */
import { DEFAULT_SHEET_LIMITS } from '../lib/sheets/limits';
import { openZip } from '../lib/sheets/zip';

/** The text of each page of a PDF, read back with pdf.js (lines joined by a space). */
export async function pagesText(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : ' '))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  return pages;
}

/** The paragraphs of a .docx (word/document.xml), each as its runs' text joined, XML entities decoded. */
export async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const zip = await openZip(docx, DEFAULT_SHEET_LIMITS);
  let xml = '';
  for await (const chunk of zip.text('word/document.xml')) xml += chunk;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .filter((t) => t.length > 0);
}
