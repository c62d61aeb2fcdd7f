import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../../contracts/roles';
import { PersonPicker } from '../../../components/person-picker';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { PASSWORD_PATTERN } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type User, useCreateUser, useUpdateUser } from '../api/users';
import { usersMessages } from '../messages';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: number;
  personId: number | null;
  password: string;
  locale: 'vi' | 'en';
}

export function useRoleOptions() {
  const [lang] = useLang();
  return ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
}

/** Create a user, or edit one (everything but the username and password). */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const t = useT(usersMessages);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const roleOptions = useRoleOptions();

  const submit = async () => {
    const v = await form.validateFields();
    const done = {
      onSuccess: () => {
        message.success(user ? t('updated') : t('created'));
        onClose();
      },
      onError: (err: unknown) => onError(err, { form }),
    };
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: {
            displayName: v.displayName,
            role: v.role,
            scopeUnitId: v.scopeUnitId,
            personId: v.personId ?? null,
            locale: v.locale,
          },
        },
        done,
      );
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName,
          role: v.role,
          scopeUnitId: v.scopeUnitId,
          personId: v.personId ?? null,
          password: v.password,
          locale: v.locale,
        },
        done,
      );
    }
  };

  return (
    <Modal
      open
      title={user ? t('editTitle', { name: user.username }) : t('createTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                scopeUnitId: user.scopeUnitId,
                personId: user.personId,
                locale: user.locale === 'en' ? 'en' : 'vi',
              }
            : { role: 'unit_officer', locale: 'vi', personId: null }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('username')}
              extra={user ? undefined : t('usernameRule')}
              rules={
                user
                  ? []
                  : [
                      { required: true, message: t('required') },
                      { pattern: /^[a-z0-9._-]{3,60}$/, message: t('usernameRule') },
                    ]
              }
            >
              <Input disabled={!!user} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('displayName')}
              rules={[{ required: true, whitespace: true, message: t('required') }, { max: 120 }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('required') }]}>
              <Select options={roleOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="locale" label={t('locale')}>
              <Select
                options={[
                  { value: 'vi', label: t('vietnamese') },
                  { value: 'en', label: t('english') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="scopeUnitId"
              label={t('scopeUnit')}
              extra={t('scopeHelp')}
              rules={[{ required: true, message: t('required') }]}
            >
              <UnitTreeSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="personId"
              label={t('person')}
              extra={t('personHelp')}
              rules={[{ required: role === 'learner', message: t('required') }]}
            >
              <PersonPicker placeholder={t('personPlaceholder')} />
            </Form.Item>
          </Col>
          {!user ? (
            <Col xs={24} sm={12}>
              <Form.Item
                name="password"
                label={t('password')}
                extra={t('passwordHelp')}
                rules={[
                  { required: true, message: t('required') },
                  { pattern: PASSWORD_PATTERN, message: t('passwordTooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT(usersMessages);
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    update.mutate(
      { id: user.id, body: { password: v.password } },
      {
        onSuccess: () => {
          message.success(t('passwordReset'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('resetTitle', { name: user.username })}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={update.isPending}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('newPassword')}
          extra={t('passwordHelp')}
          rules={[
            { required: true, message: t('required') },
            { pattern: PASSWORD_PATTERN, message: t('passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
