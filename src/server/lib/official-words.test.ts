/**
 * The words of issue 16 (ADR 038), held everywhere the product speaks: the web's messages, the
 * server's messages, PDFs and exports (src/server), the shared contracts and the demo's data
 * (src/server/demo). Comments and tests may quote the old words; nothing a user reads may.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LISTS } from '../../contracts/codes';

const ROOT = path.resolve(__dirname, '../../..');

/** Every source file under src/ a user's words can come from (tests left out). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(test|e2e|bench)\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The file without its comments, so an explanation may quote the words it replaced. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/\{\/\*.*?\*\/\}/g, '');

/** What offices would reject, and why (the words). */
const BANNED: { re: RegExp; why: string }[] = [
  { re: /đề cử/iu, why: '"đề cử" reads like an election: "cử đi học"' },
  { re: /thôi nhận/iu, why: '"Lớp đã thôi nhận đề cử": "Lớp đã hết hạn đăng ký"' },
  { re: /bồi dưỡng,\s*đào tạo/iu, why: 'the fixed order is "đào tạo, bồi dưỡng"' },
  { re: /danh mục category/iu, why: 'code lists are named in words (contracts/code-list-names.ts)' },
];

function offending(files: string[]) {
  const found: string[] = [];
  for (const f of files) {
    const lines = withoutComments(fs.readFileSync(f, 'utf8').normalize('NFC')).split('\n');
    lines.forEach((line, i) => {
      for (const b of BANNED)
        if (b.re.test(line)) found.push(`${path.relative(ROOT, f)}:${i + 1}: ${b.why}: ${line.trim()}`);
    });
  }
  return found;
}

describe('official words (issue 16)', () => {
  const files = ['src/web', 'src/server', 'src/contracts', 'src/cli'].flatMap((d) =>
    fs.existsSync(path.join(ROOT, d)) ? sources(path.join(ROOT, d)) : [],
  );

  it('reads the screens, messages, PDFs, exports and demo data', () => {
    const rel = files.map((f) => path.relative(ROOT, f));
    // The scan reaches the places the words were found in: nominations, certificates, the demo.
    expect(rel).toEqual(
      expect.arrayContaining([
        'src/web/features/nominations/messages.ts',
        'src/web/features/self-service/messages.ts',
        'src/server/modules/certificates/certificates.pdf.ts',
        'src/server/modules/nominations/nominations.rules.ts',
        'src/server/demo/catalogue-data.ts',
      ]),
    );
  });

  it('finds none of the rejected words where a user reads them', () => {
    expect(offending(files)).toEqual([]);
  });

  it('would find one (the scan is not blind)', () => {
    const probe = path.join(ROOT, 'src/server/lib/.official-words-probe.ts');
    fs.writeFileSync(
      probe,
      "// đề cử in a comment is fine\nexport const x = { vi: 'Lớp đã thôi nhận đề cử' };\n",
    );
    try {
      expect(offending([probe]).map((l) => l.split(':')[1])).toEqual(['2', '2']);
    } finally {
      fs.rmSync(probe);
    }
  });

  it('keeps "Lớp đã hết hạn đăng ký" and "Bãi nhiệm" (cadres only, dated, with its source)', () => {
    const selfService = fs.readFileSync(path.join(ROOT, 'src/web/features/self-service/messages.ts'), 'utf8');
    expect(selfService).toContain("'Lớp đã hết hạn đăng ký.'");
    const removal = CODE_LISTS.discipline_form.find((c) => c.code === 'BAI_NHIEM');
    expect(removal).toMatchObject({
      vi: 'Bãi nhiệm',
      meta: {
        appliesTo: ['CB'],
        validFrom: expect.any(String),
        legalSource: expect.stringContaining('Điều'),
      },
    });
  });
});
