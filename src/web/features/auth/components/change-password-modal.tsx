import { Form, Input } from 'antd';
import { NewPasswordField } from '../../../components/new-password-field';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useChangePassword } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { authMessages } from '../messages';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in user changes their own password (the current one first). */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const t = useT(authMessages);
  const change = useChangePassword();

  return (
    <FormModal<Values>
      title={t('changePassword')}
      onClose={onClose}
      submit={(v) => change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      success={t('passwordChanged')}
      formProps={{ preserve: false }}
    >
      <Field name="currentPassword" label={t('currentPassword')} required={t('required')}>
        <Input.Password autoComplete="current-password" />
      </Field>
      <NewPasswordField name="newPassword" label={t('newPassword')} tooShort={t('passwordTooShort')} />
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
    </FormModal>
  );
}
