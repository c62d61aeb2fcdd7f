import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { defineMessages, useT } from '../../lib/i18n';

const messages = defineMessages(
  { print: 'In', hint: 'In thành văn bản A4 (hoặc lưu PDF) với bộ lọc đang chọn' },
  { print: 'Print', hint: 'Print as an A4 document (or save as PDF) with the current filters' },
);

/** "In" beside a report's or list's other actions: the browser's print of the PrintDocument on the page. */
export function PrintButton({ disabled }: { disabled?: boolean }) {
  const t = useT(messages);
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={disabled} title={t('hint')}>
      {t('print')}
    </Button>
  );
}
