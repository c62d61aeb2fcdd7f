import { App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type OpenClass, useRequestJoin } from '../api/self-service';
import { selfServiceMessages } from '../messages';

/** Ask my unit officer to send me to the class, with a note they will read. */
export function RequestJoinModal({ item, onClose }: { item: OpenClass; onClose: () => void }) {
  const t = useT(selfServiceMessages);
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const send = useRequestJoin();

  const submit = async () => {
    const { note } = await form.validateFields();
    try {
      await send.mutateAsync({ classId: item.id, note: note?.trim() || undefined });
      message.success(t('requestSent'));
      onClose();
    } catch (err) {
      onError(err, { form });
    }
  };

  return (
    <Modal
      open
      title={t('requestJoinOf', { code: item.code })}
      okText={t('send')}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <b>{item.code}</b> · {item.name}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('requestIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('requestNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
