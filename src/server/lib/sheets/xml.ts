/**
 * A SAX parser (saxes) over a part's text chunks: events by local name (a prefix such as `x:`
 * is dropped), text gathered only while asked. saxes expands the XML entities and refuses a
 * document that is not well formed; it never expands a DTD's own entities.
 */
import { SaxesParser } from 'saxes';
import { AppError } from '../errors';
import { unreadable } from './limits';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  /** Text and CDATA (only called while `capturing()` is true, to save work). */
  text?(text: string): void;
  capturing?(): boolean;
}

export const localName = (qname: string) => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

/** A parser that feeds `h`; write chunks with `write`, then `end`. Errors name the part. */
export function xmlParser(part: string, h: XmlHandlers) {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => h.close(localName(tag.name)));
  if (h.text) {
    const text = h.text;
    const capturing = h.capturing ?? (() => true);
    parser.on('text', (t) => {
      if (capturing()) text(t);
    });
    parser.on('cdata', (t) => {
      if (capturing()) text(t);
    });
  }
  const fail = (err: unknown): never => {
    if (err instanceof AppError) throw err; // a limit passed in a handler
    throw unreadable(
      `phần ${part} không phải XML hợp lệ (${(err as Error).message})`,
      `the part ${part} is not well-formed XML (${(err as Error).message})`,
    );
  };
  return {
    write(chunk: string) {
      try {
        parser.write(chunk);
      } catch (err) {
        fail(err);
      }
    },
    end() {
      try {
        parser.close();
      } catch (err) {
        fail(err);
      }
    },
  };
}

/** Parse a whole part (the small ones: workbook, relationships, styles, shared strings). */
export async function parseXml(part: string, chunks: AsyncIterable<string>, h: XmlHandlers): Promise<void> {
  const p = xmlParser(part, h);
  for await (const chunk of chunks) p.write(chunk);
  p.end();
}

/** A namespaced attribute by its local name: `r:id` and `relationships:id` alike. */
export function prefixedAttr(attrs: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    const i = k.indexOf(':');
    if (i >= 0 && k.slice(i + 1) === name) return v;
  }
  return undefined;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` a carriage return). */
export const unescapeOoxml = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;
