/**
 * A document as .docx (ADR 040), with the `docx` package: Times New Roman 13-14 as Decree
 * 30/2020 annex I asks, A4 with its margins, the header as a borderless two-column table, one
 * section per laid-out page (portrait or landscape), tables with a repeated header row.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type ISectionOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocModelT, DocPageT } from '../../../contracts/documents';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 14 pt title, 12 pt header lines, 11 pt table cells. */
const SIZE = { body: 26, title: 28, header: 24, table: 22, small: 22 };
const TWIP_PER_MM = 56.7;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

type Run = { text: string; bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const run = (r: Run) =>
  new TextRun({
    text: r.text,
    bold: r.bold,
    italics: r.italics,
    size: r.size ?? SIZE.body,
    font: FONT,
    underline: r.underline ? {} : undefined,
  });
const para = (
  runs: Run[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  opts: { indent?: boolean; after?: number } = {},
) =>
  new Paragraph({
    alignment: align,
    spacing: { after: opts.after ?? 0 },
    indent: opts.indent ? { firstLine: 567 } : undefined,
    children: runs.map(run),
  });

function header(h: NonNullable<DocPageT['header']>): Table {
  const left = [
    ...(h.parentBody ? [para([{ text: h.parentBody.toUpperCase(), size: SIZE.header }])] : []),
    para([{ text: h.issuingBody.toUpperCase(), bold: true, size: SIZE.header }]),
    para([{ text: '────────', size: SIZE.header }]),
    ...(h.number ? [para([{ text: h.number, size: SIZE.body }])] : []),
  ];
  const right = [
    para([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: SIZE.header }]),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: SIZE.body, underline: true }]),
    para([{ text: ' ', size: SIZE.small }]),
    para([{ text: h.dateLine, italics: true, size: SIZE.body }]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 42, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: left,
          }),
          new TableCell({
            width: { size: 58, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

function grid(t: NonNullable<DocPageT['table']>): Table {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const pct = t.columns.map((c) => Math.round((c.width / total) * 100));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: pct[i], type: WidthType.PERCENTAGE },
      children: [para([{ text, bold, size: SIZE.table }], bold ? AlignmentType.CENTER : AlignmentType.LEFT)],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.label, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

function closing(p: DocPageT): Table {
  const left = p.recipients.length
    ? [
        new Paragraph({
          children: [run({ text: 'Nơi nhận:', bold: true, italics: true, size: SIZE.header })],
        }),
        ...p.recipients.map((r) => para([{ text: `- ${r}`, size: SIZE.small }], AlignmentType.LEFT)),
      ]
    : [para([{ text: '' }])];
  const s = p.signer;
  const right = s
    ? [
        ...(s.authority ? [para([{ text: s.authority.toUpperCase(), bold: true }])] : []),
        para([{ text: s.title.toUpperCase(), bold: true }], AlignmentType.CENTER, { after: 1400 }),
        para([{ text: s.name, bold: true }]),
      ]
    : [para([{ text: '' }])];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: left,
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

function section(p: DocPageT): ISectionOptions {
  const body = p.paragraphs.map((x) => {
    if (x.style === 'heading')
      return para([{ text: x.text, bold: true }], AlignmentType.CENTER, { after: 120 });
    if (x.style === 'article') {
      const m = /^(Điều \d+\.)(.*)$/s.exec(x.text);
      return para([{ text: m?.[1] ?? x.text, bold: true }, { text: m?.[2] ?? '' }], AlignmentType.JUSTIFIED, {
        indent: true,
        after: 120,
      });
    }
    if (!p.header)
      return para([{ text: x.text, italics: x.style === 'italic' }], AlignmentType.CENTER, { after: 120 });
    return para([{ text: x.text, italics: x.style === 'italic' }], AlignmentType.JUSTIFIED, {
      indent: true,
      after: 120,
    });
  });
  return {
    properties: {
      page: {
        size: {
          orientation: p.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          width: 11906,
          height: 16838,
        },
        margin: {
          top: 20 * TWIP_PER_MM,
          bottom: 20 * TWIP_PER_MM,
          left: 30 * TWIP_PER_MM,
          right: 15 * TWIP_PER_MM,
        },
      },
    },
    children: [
      ...(p.header ? [header(p.header), para([{ text: '' }])] : []),
      para([{ text: p.title, bold: true, size: SIZE.title }]),
      ...(p.summary
        ? [
            para([{ text: p.summary, bold: true }]),
            para([{ text: '────────' }], AlignmentType.CENTER, { after: 200 }),
          ]
        : []),
      ...body,
      ...(p.table ? [grid(p.table), para([{ text: '' }])] : []),
      ...(p.signer || p.recipients.length ? [closing(p)] : []),
    ],
  };
}

/** The .docx of a document. */
export function renderDocx(model: DocModelT): Promise<Buffer> {
  const doc = new Document({
    creator: 'dtbd',
    title: model.pages[0]?.title ?? model.fileName,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: model.pages.length ? model.pages.map(section) : [{ children: [new Paragraph('')] }],
  });
  return Packer.toBuffer(doc);
}
