import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  List,
  Pagination,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type Notification,
  useMarkAllRead,
  useMarkRead,
  useNotificationSettings,
  useNotifications,
  useSaveNotificationSettings,
} from '../api/notifications';
import { notificationsMessages } from '../messages';

function SettingsCard() {
  const t = useT(notificationsMessages);
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string; emailNotifications: boolean }>();
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        email: settings.data.email ?? '',
        emailNotifications: settings.data.emailNotifications,
      });
  }, [settings.data, form]);
  const submit = (v: { email: string; emailNotifications: boolean }) =>
    save.mutate(
      { email: v.email.trim() || null, emailNotifications: v.emailNotifications },
      { onSuccess: () => message.success(t('saved')), onError: (err) => onError(err, { form }) },
    );
  return (
    <Card title={t('settingsTitle')} size="small" style={{ marginTop: 16 }}>
      {settings.data && !settings.data.mailConfigured ? (
        <Typography.Paragraph type="secondary">{t('mailOff')}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="inline" onFinish={submit}>
        <Form.Item name="email" label={t('email')} htmlFor="notify-email">
          <Input id="notify-email" type="email" style={{ width: 280 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="emailNotifications" label={t('emailNotifications')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}

/** "Thông báo": my notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const t = useT(notificationsMessages);
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const onError = useApiErrorHandler();
  const read = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (err) => onError(err) });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Flex gap={12} align="center">
            <Checkbox
              checked={unreadOnly}
              onChange={(e) => {
                setUnreadOnly(e.target.checked);
                setPage(1);
              }}
            >
              {t('unreadOnly')}
            </Checkbox>
            <Button
              onClick={() => markAll.mutate(undefined, { onError: (err) => onError(err) })}
              disabled={!list.data?.unread}
              loading={markAll.isPending}
            >
              {t('markAllRead')}
            </Button>
          </Flex>
        }
      />
      <Card size="small">
        <List<Notification>
          aria-label={t('listCaption')}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('empty') }}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.link ? (
                  <Link key="open" to={n.link} onClick={() => read(n)}>
                    {t('open')}
                  </Link>
                ) : null,
                !n.readAt ? (
                  <Button key="read" type="link" size="small" onClick={() => read(n)}>
                    {t('markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    {!n.readAt ? <Tag color="blue">{t('unread')}</Tag> : null}
                    <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
                  </Flex>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" className="tabular">
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {list.data && list.data.total > 20 ? (
          <Pagination
            current={page}
            pageSize={20}
            total={list.data.total}
            onChange={setPage}
            showTotal={(n) => t('total', { n })}
            style={{ marginTop: 12 }}
          />
        ) : null}
      </Card>
      <SettingsCard />
    </>
  );
}
