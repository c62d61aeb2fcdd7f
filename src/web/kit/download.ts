/**
 * Downloads with progress (ADR 041): an export is fetched as a stream, counting the bytes as they
 * come (the server streams large exports, so the total is often unknown), then saved under the
 * name the server gave. Errors come back as the API's own messages.
 */
import { ApiError } from '../lib/api-client';
import type { Lang } from '../lib/lang';
import { formatDecimal } from './numbers';

export interface Progress {
  received: number;
  /** From Content-Length; null while the server streams without one. */
  total: number | null;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` wins). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

/** 1536 -> "1,5 KB" (vi) / "1.5 KB" (en). */
export function formatBytes(n: number, lang: Lang): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatDecimal(n / 1024, lang, 1)} KB`;
  return `${formatDecimal(n / (1024 * 1024), lang, 1)} MB`;
}

/** Fetch `url` (same-origin cookie), reporting bytes received; the body and its file name. */
export async function fetchWithProgress(
  url: string,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) {
    let message = res.statusText || String(res.status);
    let code = 'INTERNAL';
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      message = body.error?.message ?? message;
      code = body.error?.code ?? code;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(res.status, code as ApiError['code'], message);
  }
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  const fileName = fileNameOf(res.headers.get('content-disposition'));
  if (!res.body) {
    const blob = await res.blob();
    onProgress({ received: blob.size, total });
    return { blob, fileName };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
}

/** Hand a fetched file to the browser's downloads under its name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
