import { App, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { nominationsMessages } from '../messages';

interface Props {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** Shown above the field. */
  intro?: ReactNode;
  /** Send the reason; the server's answer closes the modal or marks the field. */
  run: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Ask for a required reason (reject, withdraw) and send it. */
export function ReasonModal({ title, label, okText, danger, intro, run, onClose }: Props) {
  const t = useT(nominationsMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await run(reason.trim());
      message.success(t('done'));
      onClose();
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {intro}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
