import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { buildQuery, type QueryValue } from '../lib/api-client';
import { defineMessages, useLang, useT } from '../lib/i18n';

const messages = defineMessages(
  { exportXlsx: 'Xuất Excel', hint: 'Tải về danh sách với bộ lọc đang chọn (.xlsx)' },
  { exportXlsx: 'Export to Excel', hint: 'Download the list with the current filters (.xlsx)' },
);

/** The .xlsx address of a list: its filters (paging dropped) and the UI language. */
export function exportUrl(path: string, filters: object = {}, lang = 'vi'): string {
  const { page: _page, pageSize: _size, ...rest } = filters as Record<string, QueryValue>;
  return `/api${path}${buildQuery({ ...rest, lang })}`;
}

/**
 * "Xuất Excel" beside a list's filters: a plain link (the browser downloads with the session
 * cookie) to `<list route>/export.xlsx` with the list's current filters.
 */
export function ExportButton({
  path,
  filters,
  disabled,
  size,
}: {
  /** The export route under /api, e.g. `/classes/export.xlsx`. */
  path: string;
  filters?: object;
  disabled?: boolean;
  size?: 'small' | 'middle';
}) {
  const t = useT(messages);
  const [lang] = useLang();
  return (
    <Button
      icon={<DownloadOutlined />}
      href={disabled ? undefined : exportUrl(path, filters, lang)}
      disabled={disabled}
      size={size}
      title={t('hint')}
    >
      {t('exportXlsx')}
    </Button>
  );
}
