import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { PASSWORD_PATTERN } from '../lib/auth';
import { useT } from '../lib/i18n';

/** A new password (required, at least the length PASSWORD_PATTERN asks); `tooShort` says why it is refused. */
export function NewPasswordField({
  name,
  label,
  extra,
  tooShort,
}: {
  name: string;
  label: ReactNode;
  extra?: ReactNode;
  tooShort: string;
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        { required: true, message: t('required') },
        { pattern: PASSWORD_PATTERN, message: tooShort },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
