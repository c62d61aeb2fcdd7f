import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { Field } from '../../../kit/field';
import { usePageTitle } from '../../../kit/page-title';
import { ApiError } from '../../../lib/api-client';
import { takeSessionExpired, useLogin, useMeQuery } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { authMessages } from '../messages';

/** Only same-app paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT(authMessages);
  usePageTitle(t('loginTitle'));
  const [params] = useSearchParams();
  const { data: me } = useMeQuery();
  const login = useLogin();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [expired] = useState(takeSessionExpired);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const onFinish = (values: { username: string; password: string }) => {
    setError(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (err) => {
          setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
          form.setFieldValue('password', '');
        },
      },
    );
  };

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch size="small" />
      </div>
      <Card className="login-card" variant="borderless">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <div className="brand-mark" aria-hidden>
            ★
          </div>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('appFullName')}
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0 0' }}>
            {t('loginTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('loginSubtitle')}</Typography.Text>
        </Flex>
        {expired && !error ? (
          <Alert type="info" showIcon title={t('sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert
            role="alert"
            type={error.code === 'RATE_LIMITED' ? 'warning' : 'error'}
            showIcon
            title={error.code === 'RATE_LIMITED' ? t('rateLimited') : t('loginFailed')}
            description={error.code === 'NETWORK' ? t('networkError') : error.message}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('username')}
            rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Field name="password" label={t('password')} required={t('passwordRequired')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Field>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="login-footer">
        {t('footer')}
      </Typography.Text>
    </main>
  );
}
