import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { gradebookMessages } from '../messages';

/** The batched edits of a grid: how many wait, save them in one request, or drop them. */
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
  const t = useT(gradebookMessages);
  return (
    <Space wrap size={8}>
      {blocked ? (
        <Typography.Text type="danger">{blocked}</Typography.Text>
      ) : count ? (
        <Typography.Text type="warning" strong>
          {t('unsaved', { n: count })}
        </Typography.Text>
      ) : null}
      <Button icon={<UndoOutlined />} disabled={!count || saving} onClick={onDiscard}>
        {t('discard')}
      </Button>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        disabled={!count || !!blocked}
        loading={saving}
        onClick={onSave}
      >
        {t('saveChanges')}
      </Button>
    </Space>
  );
}
