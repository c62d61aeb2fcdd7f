/**
 * The zip under an .xlsx, read from the upload's buffer with yauzl (no temp file, no handle):
 * the central directory is read first and checked against the limits before one byte is
 * inflated; then any part can be opened in any order (sharedStrings.xml may come after the
 * sheet in the file) and is streamed as text through a streaming UTF-8 decoder, so a character
 * split across two inflated chunks is joined, never replaced by U+FFFD.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors';
import { overLimit, RATIO_FLOOR_BYTES, type SheetLimits, unreadable } from './limits';

export interface ZipParts {
  /** Whether a part exists (names as in the zip, compared without case as OPC says). */
  has(name: string): boolean;
  /** A part's text, chunk by chunk, as it inflates; the stream is closed when the loop ends. */
  text(name: string): AsyncGenerator<string>;
}

const damaged = (cause: unknown) =>
  unreadable(
    `tệp .xlsx bị hỏng (${(cause as Error)?.message ?? cause})`,
    `the .xlsx is damaged (${(cause as Error)?.message ?? cause})`,
  );

/** Open the zip and check its central directory (entries, declared sizes, ratios). */
export async function openZip(bytes: Buffer, limits: SheetLimits): Promise<ZipParts> {
  let zip: yauzl.ZipFile;
  // From a buffer yauzl never closes by itself and holds no file handle: parts open in any order.
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch (err) {
    throw damaged(err);
  }
  if (zip.entryCount > limits.maxEntries) throw overLimit('maxEntries', limits.maxEntries, zip.entryCount);
  const entries = new Map<string, yauzl.Entry>();
  let inflated = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      inflated += entry.uncompressedSize;
      if (inflated > limits.maxInflatedBytes) throw overLimit('maxInflatedBytes', limits.maxInflatedBytes);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio)
        throw overLimit('maxRatio', limits.maxRatio, Math.round(ratio));
      entries.set(entry.fileName.toLowerCase(), entry);
    }
  } catch (err) {
    zip.close();
    if (err instanceof AppError) throw err;
    throw damaged(err);
  }

  return {
    has: (name) => entries.has(name.toLowerCase()),
    async *text(name) {
      const entry = entries.get(name.toLowerCase());
      if (!entry) throw unreadable(`thiếu phần ${name}`, `the part ${name} is missing`);
      if (entry.isEncrypted()) throw unreadable('tệp được đặt mật khẩu', 'the file is password-protected');
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (err) {
        throw damaged(err);
      }
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | undefined;
      let utf16: TextDecoder | undefined;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (!encoding) {
            // XML parts are UTF-8 (Excel, LibreOffice, exceljs); a UTF-16 part starts with its BOM.
            encoding =
              chunk[0] === 0xff && chunk[1] === 0xfe
                ? 'utf-16le'
                : chunk[0] === 0xfe && chunk[1] === 0xff
                  ? 'utf-16be'
                  : 'utf-8';
            if (encoding !== 'utf-8') utf16 = new TextDecoder(encoding, { fatal: true });
          }
          const s = (utf16 ?? decoder).decode(chunk, { stream: true });
          if (s) yield s;
        }
        const rest = (utf16 ?? decoder).decode();
        if (rest) yield rest;
      } catch (err) {
        if (err instanceof TypeError && /encoded data|decode/i.test(err.message))
          throw unreadable(`phần ${name} có ký tự không hợp lệ`, `the part ${name} holds invalid text`);
        throw damaged(err);
      } finally {
        stream.destroy();
      }
    },
  };
}
