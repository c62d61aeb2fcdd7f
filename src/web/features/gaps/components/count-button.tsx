import { Button, Typography } from 'antd';
import { formatCount } from '../report-format';

/**
 * A number of the summary that opens the people behind it. Zero stays plain text: there is
 * nobody to list.
 */
export function CountButton({
  n,
  label,
  onOpen,
  strong,
}: {
  n: number;
  /** What the number counts, for screen readers ("Số người còn thiếu – Xã Đầm Hà: 12. Xem danh sách"). */
  label: string;
  onOpen: () => void;
  strong?: boolean;
}) {
  if (n === 0)
    return (
      <Typography.Text type="secondary" className="tabular">
        0
      </Typography.Text>
    );
  return (
    <Button
      type="link"
      size="small"
      aria-label={label}
      title={label}
      onClick={onOpen}
      className="tabular"
      style={{
        padding: 0,
        height: 'auto',
        fontWeight: strong ? 600 : undefined,
        fontSize: strong ? 'inherit' : undefined,
      }}
    >
      {formatCount(n)}
    </Button>
  );
}
