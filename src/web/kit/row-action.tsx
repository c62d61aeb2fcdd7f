import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * An icon button in a table row (edit, delete, open...): its tooltip, and an aria label that names
 * the row ("Sửa lớp K01") so a screen reader, and a test, can tell the rows' buttons apart.
 */
export function RowAction({
  tip,
  label,
  icon,
  danger,
  onClick,
}: {
  tip: ReactNode;
  label: string;
  icon: ReactNode;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip title={tip}>
      <Button type="text" danger={danger} icon={icon} aria-label={label} onClick={onClick} />
    </Tooltip>
  );
}
