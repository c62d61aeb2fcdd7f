import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';

/** Up, down and remove for one item of a Form.List. */
export function MoveButtons({
  index,
  count,
  move,
  remove,
  disabled,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  disabled?: boolean;
}) {
  const t = useT(layoutsMessages);
  return (
    <Space.Compact>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={t('up')}
        disabled={disabled || index === 0}
        onClick={() => move(index, index - 1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={t('down')}
        disabled={disabled || index === count - 1}
        onClick={() => move(index, index + 1)}
      />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('remove')}
        disabled={disabled || count === 1}
        onClick={() => remove(index)}
      />
    </Space.Compact>
  );
}
