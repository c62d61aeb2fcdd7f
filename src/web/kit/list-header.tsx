import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { PrintButton } from './print/print-button';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The list's Excel export, sent the filters on screen. */
  exportPath?: string;
  filters?: object;
  /** Offer "In" (the page wraps its table in a PrintDocument); disabled while there is nothing to print. */
  print?: { disabled?: boolean };
  /** The "add" button (primary, with a plus), when the user may add. */
  add?: { label: ReactNode; onClick: () => void } | false;
  /** Other buttons, between the export and the add button. */
  children?: ReactNode;
}

/** The header of a list page: title, then print, export, the page's own buttons and "add". */
export function ListHeader({ title, subtitle, exportPath, filters, print, add, children }: Props) {
  return (
    <PageHeader
      title={title}
      subtitle={subtitle}
      extra={
        <>
          {print ? <PrintButton disabled={print.disabled} /> : null}
          {exportPath ? <ExportButton path={exportPath} filters={filters} /> : null}
          {children}
          {add ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick}>
              {add.label}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
