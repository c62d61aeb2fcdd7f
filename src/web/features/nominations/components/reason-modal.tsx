import { App, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { nominationsMessages } from '../messages';

interface Props {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** The reason may be left empty. */
  optional?: boolean;
  /** Shown above the field. */
  intro?: ReactNode;
  /** Send the reason; the server's answer closes the modal or marks the field. */
  run: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Ask for a required reason (reject, withdraw) and send it. */
export function ReasonModal({ title, label, okText, danger, optional, intro, run, onClose }: Props) {
  const t = useT(nominationsMessages);
  const { message } = App.useApp();

  const submit = async ({ reason }: { reason: string }) => {
    await run((reason ?? '').trim());
    message.success(t('done'));
  };

  return (
    <FormModal<{ reason: string }>
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      onClose={onClose}
      submit={submit}
      intro={intro}
    >
      <Form.Item
        name="reason"
        label={label}
        rules={[{ required: !optional, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}
      >
        <Input.TextArea rows={3} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
