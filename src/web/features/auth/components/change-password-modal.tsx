import { App, Form, Input, Modal } from 'antd';
import { Field } from '../../../kit/field';
import { PASSWORD_PATTERN, useChangePassword } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { authMessages } from '../messages';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(authMessages);
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  return (
    <Modal
      title={t('changePassword')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Field name="currentPassword" label={t('currentPassword')} required={t('required')}>
          <Input.Password autoComplete="current-password" />
        </Field>
        <Form.Item
          name="newPassword"
          label={t('newPassword')}
          rules={[
            { required: true, message: t('required') },
            { pattern: PASSWORD_PATTERN, message: t('passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
