import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { resultsMessages } from '../messages';

/**
 * The batched edits of a grid: how many wait, save them in one request, or drop them. Shown only
 * while there is something to save, stuck to the bottom of the screen under a long grid.
 */
export function SaveBar({
  count,
  saving,
  blocked,
  onSave,
  onDiscard,
}: {
  count: number;
  saving: boolean;
  /** A reason the edits cannot be sent yet (invalid cells), shown instead of the count. */
  blocked?: string;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const t = useT(resultsMessages);
  if (!count) return null;
  return (
    <Space
      wrap
      size={8}
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        width: '100%',
        justifyContent: 'flex-end',
        padding: '8px 0',
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        boxShadow: '0 -4px 8px rgba(0, 0, 0, 0.04)',
      }}
    >
      {blocked ? (
        <Typography.Text type="danger">{blocked}</Typography.Text>
      ) : (
        <Typography.Text type="warning" strong>
          {t('unsaved', { n: count })}
        </Typography.Text>
      )}
      <Button icon={<UndoOutlined />} disabled={saving} onClick={onDiscard}>
        {t('discard')}
      </Button>
      <Button type="primary" icon={<SaveOutlined />} disabled={!!blocked} loading={saving} onClick={onSave}>
        {t('saveChanges')}
      </Button>
    </Space>
  );
}
