/**
 * Uploaded files (ADR 022): the content types browsers send, the limits (413 for sizes, 400
 * otherwise, naming the limit), damaged files refused with 400 and no batch left behind, and no
 * temp file or open file surviving a request, whatever its outcome.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { commit, csvOf, upload, xlsxOf } from '../../test/fixtures/imports';
import { inlineXlsx, workbookParts, zipOf } from '../../test/zip';

const HEAD = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng'];
const GOOD = [HEAD, ['Nguyễn Văn Thử', '12/03/1980', 'Nam', '', 'CC']];
const BAD = [HEAD, ['Nguyễn Văn Thử', '31/02/1980', 'Nam', '', 'ZZ']];

/** Files this process holds open (not sockets, pipes or event handles), as a sorted list. */
function openFiles(): string[] {
  const out: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // the directory listing's own fd, closed already
    }
    if (target.startsWith('/')) out.push(target);
  }
  return out.sort();
}

describe.each(testBackends())('imports: uploaded files (%s)', (backend) => {
  const t = useTestApp(backend, {
    env: { DTBD_IMPORT_MAX_MB: '2', DTBD_IMPORT_MAX_INFLATED_MB: '2', DTBD_IMPORT_MAX_ROWS: '50' },
  });
  const batches = async () =>
    rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from import_batches`))[0].n;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-imports-tmp-'));
  const savedTmp = process.env.TMPDIR;
  beforeAll(() => {
    // Whatever the server or a library puts in the temp folder during these tests lands here.
    process.env.TMPDIR = tmp;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const corrupt = Buffer.from('PK\x03\x04garbage');
  // 3 MB of zeros beside the sheet: 1.1 MB declared over the 2 MB limit, ~3 KB sent.
  const bomb = zipOf([
    ...workbookParts({ sheets: [{ name: 'S', rows: '' }] }),
    { name: 'xl/media/x.bin', content: Buffer.alloc(3 * 1024 * 1024) },
  ]);
  const tooBig = csvOf([
    HEAD,
    ...Array.from({ length: 24_000 }, (_, i) => [`Người ${i} ${'x'.repeat(80)}`, '', 'Nam', '', 'CC']),
  ]);
  const tooManyRows = inlineXlsx([
    HEAD,
    ...Array.from({ length: 51 }, (_, i) => [`Người số ${i}`, '01/01/1980', 'Nam', '', 'CC']),
  ]);

  it('takes .xlsx and CSV as browsers send them, and as a byte stream', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const xlsx = await xlsxOf(GOOD);
    for (const [type, body] of [
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx],
      ['Application/VND.openxmlformats-officedocument.spreadsheetml.sheet', xlsx],
      ['application/octet-stream', xlsx],
      ['application/zip', xlsx],
      ['application/x-zip-compressed', xlsx],
      ['application/vnd.ms-excel', xlsx],
      ['text/csv; charset=utf-8', csvOf(GOOD)],
      ['text/plain', csvOf(GOOD)],
      ['application/x-csv', csvOf(GOOD)],
      ['text/comma-separated-values', csvOf(GOOD)],
      ['application/vnd.ms-excel', csvOf(GOOD)],
    ] as const) {
      const res = await t.call(s, {
        method: 'POST',
        url: '/api/imports?kind=people&fileName=ds.xlsx',
        headers: { 'content-type': type },
        payload: body,
      });
      expect([type, res.statusCode, res.json().validRows]).toEqual([type, 200, 1]);
    }
    const json = await t.call(s, {
      method: 'POST',
      url: '/api/imports?kind=people&fileName=x',
      payload: { a: 1 },
    });
    expect([json.statusCode, json.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses damaged and oversized files with the limit named, and leaves no batch', async () => {
    const s = await t.as('unit_officer', t.communeA);
    const before = await batches();
    const cases: [string, Buffer, number, string, RegExp][] = [
      ['corrupt zip', corrupt, 400, 'FILE_UNREADABLE', /^Không đọc được tệp: tệp \.xlsx bị hỏng/],
      [
        'upload over 2 MB',
        tooBig,
        413,
        'FILE_TOO_LARGE',
        /dung lượng tệp: tối đa 2 MB \(cấu hình DTBD_IMPORT_MAX_MB\)/,
      ],
      ['declared size over 2 MB', bomb, 413, 'FILE_TOO_LARGE', /sau khi giải nén: tối đa 2 MB/],
      [
        '51 rows over 50',
        tooManyRows,
        400,
        'FILE_LIMIT',
        /số dòng dữ liệu: tối đa 50 \(cấu hình DTBD_IMPORT_MAX_ROWS\)/,
      ],
      [
        '.xls',
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
        400,
        'FILE_UNREADABLE',
        /\.xls \(Excel 97-2003\)/,
      ],
    ];
    for (const [what, body, status, code, vi] of cases) {
      const res = await upload(t, s, 'people', body);
      expect([what, res.statusCode, res.json().error.code]).toEqual([what, status, code]);
      expect(res.json().error.message).toMatch(vi);
      const en = await upload(t, s, 'people', body, { lang: 'en' });
      expect(en.json().error.message).toMatch(/^The file (cannot be read|exceeds the limit)/);
    }
    expect(await batches()).toBe(before);
    // The rows limit counts data rows: 50 is allowed.
    const fifty = await upload(
      t,
      s,
      'people',
      inlineXlsx([
        HEAD,
        ...Array.from({ length: 50 }, (_, i) => [`Người ${i}`, '01/01/1980', 'Nam', '', 'CC']),
      ]),
    );
    expect([fifty.statusCode, fifty.json().validRows]).toEqual([200, 50]);
  });

  it('keeps the file as sent, byte for byte, across its stored parts', async () => {
    const s = await t.as('unit_officer', t.communeA);
    // 1.5 MB of noise stored beside the sheet: two parts of the stored file.
    const noise = Buffer.from(Array.from({ length: 1_500_000 }, (_, i) => (i * 7919) % 251));
    const rows = '<row r="1"><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>';
    const body = zipOf([
      ...workbookParts({ sheets: [{ name: 'S', rows }] }),
      { name: 'xl/media/scan.bin', content: noise, store: true },
    ]);
    const res = await upload(t, s, 'people', body);
    expect(res.statusCode).toBe(200);
    const file = await t.call(s, { method: 'GET', url: `/api/imports/${res.json().id}/file` });
    expect(file.rawPayload.equals(body)).toBe(true);
  });

  it('leaves no temp file and no open file behind, success or failure, preview or commit', async () => {
    const s = await t.as('unit_officer', t.communeA);
    let round = 0;
    const run = async () => {
      // Another person each round (the same one again would be a likely duplicate, ADR 024).
      const good = await xlsxOf([HEAD, [`Nguyễn Văn Thử ${++round}`, '12/03/1980', 'Nam', '', 'CC']]);
      const ok = await upload(t, s, 'people', good);
      expect(ok.statusCode).toBe(200);
      expect((await upload(t, s, 'people', await xlsxOf(BAD))).json().errorRows).toBe(1);
      for (const body of [corrupt, bomb, tooBig, tooManyRows])
        expect((await upload(t, s, 'people', body)).statusCode).toBeGreaterThanOrEqual(400);
      expect((await commit(t, s, ok.json().id, 'all')).json().status).toBe('committed');
    };
    await run(); // warm: connections, caches and lazy modules are in place after one round
    const files = openFiles();
    await run();
    await run();
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(openFiles()).toEqual(files);
  });

  it('needs a session and the permission, whatever the content type', async () => {
    const xlsx = await xlsxOf(GOOD);
    const headers = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const url = '/api/imports?kind=people&fileName=a.xlsx';
    expect((await t.call(null, { method: 'POST', url, headers, payload: xlsx })).statusCode).toBe(401);
    const viewer = await t.as('viewer', t.communeA);
    expect((await t.call(viewer, { method: 'POST', url, headers, payload: xlsx })).statusCode).toBe(403);
  });
});
