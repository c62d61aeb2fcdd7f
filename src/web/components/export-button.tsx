import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress } from 'antd';
import { type MouseEvent, useRef, useState } from 'react';
import { type Progress as DownloadProgress, fetchWithProgress, formatBytes, saveBlob } from '../kit/download';
import { buildQuery, type QueryValue } from '../lib/api-client';
import { defineMessages, useLang, useT } from '../lib/i18n';

const messages = defineMessages(
  {
    exportXlsx: 'Xuất Excel',
    hint: 'Tải về danh sách với bộ lọc đang chọn (.xlsx)',
    receiving: 'Đang tải {size}',
    progress: 'Tiến độ tải tệp',
    failed: 'Không tải được tệp: {message}',
  },
  {
    exportXlsx: 'Export to Excel',
    hint: 'Download the list with the current filters (.xlsx)',
    receiving: 'Downloading {size}',
    progress: 'Download progress',
    failed: 'Could not download the file: {message}',
  },
);

/** The .xlsx address of a list: its filters (paging dropped) and the UI language. */
export function exportUrl(path: string, filters: object = {}, lang = 'vi'): string {
  const { page: _page, pageSize: _size, ...rest } = filters as Record<string, QueryValue>;
  return `/api${path}${buildQuery({ ...rest, lang })}`;
}

/**
 * "Xuất Excel" beside a list's filters: a link to `<list route>/export.xlsx` with the list's
 * current filters, fetched with the bytes received shown while it downloads (large exports
 * stream), then saved under the server's file name. `href` gives a ready address instead.
 */
export function ExportButton({
  path,
  href,
  filters,
  disabled,
  size,
  type,
  label,
}: {
  /** The export route under /api, e.g. `/classes/export.xlsx`. */
  path?: string;
  /** A whole address (already with its query), instead of `path` + `filters`. */
  href?: string;
  filters?: object;
  disabled?: boolean;
  size?: 'small' | 'middle';
  type?: 'primary' | 'default';
  label?: string;
}) {
  const t = useT(messages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const busy = useRef(false);
  const url = href ?? (path ? exportUrl(path, filters, lang) : undefined);

  const download = async (e: MouseEvent) => {
    e.preventDefault();
    if (!url || busy.current) return;
    busy.current = true;
    setProgress({ received: 0, total: null });
    try {
      const { blob, fileName } = await fetchWithProgress(url, setProgress);
      saveBlob(blob, fileName ?? url.split('?')[0].split('/').pop() ?? 'export.xlsx');
    } catch (err) {
      message.error(t('failed', { message: (err as Error).message }));
    } finally {
      busy.current = false;
      setProgress(null);
    }
  };

  const pct = progress?.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'stretch' }}>
      <Button
        icon={<DownloadOutlined />}
        href={disabled ? undefined : url}
        onClick={download}
        disabled={disabled}
        loading={!!progress}
        size={size}
        type={type}
        title={t('hint')}
        aria-busy={!!progress}
      >
        {progress
          ? t('receiving', { size: formatBytes(progress.received, lang) })
          : (label ?? t('exportXlsx'))}
      </Button>
      {progress ? (
        <Progress
          aria-label={t('progress')}
          percent={pct ?? 100}
          status={pct === null ? 'active' : 'normal'}
          showInfo={false}
          size="small"
          style={{ margin: 0, lineHeight: 1 }}
        />
      ) : null}
    </span>
  );
}
