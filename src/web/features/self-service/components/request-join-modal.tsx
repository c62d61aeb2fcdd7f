import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { type OpenClass, useRequestJoin } from '../api/self-service';
import { selfServiceMessages } from '../messages';

/** Ask my unit officer to send me to the class, with a note they will read. */
export function RequestJoinModal({ item, onClose }: { item: OpenClass; onClose: () => void }) {
  const t = useT(selfServiceMessages);
  const { message } = App.useApp();
  const send = useRequestJoin();

  const submit = async ({ note }: { note?: string }) => {
    await send.mutateAsync({ classId: item.id, note: note?.trim() || undefined });
    message.success(t('requestSent'));
  };

  return (
    <FormModal<{ note?: string }>
      title={t('requestJoinOf', { code: item.code })}
      okText={t('send')}
      onClose={onClose}
      submit={submit}
      intro={
        <>
          <Typography.Paragraph>
            <b>{item.code}</b> · {item.name}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('requestIntro')}</Typography.Paragraph>
        </>
      }
    >
      <Form.Item name="note" label={t('requestNote')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
