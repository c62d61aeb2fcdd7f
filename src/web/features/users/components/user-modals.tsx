import { Col, Form, Input, Row, Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../../contracts/roles';
import { NewPasswordField } from '../../../components/new-password-field';
import { PersonPicker } from '../../../components/person-picker';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { type User, useCreateUser, useUpdateUser } from '../api/users';
import { usersMessages } from '../messages';
import { LecturerSelect } from './lecturer-select';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: number;
  personId: number | null;
  lecturerId: number | null;
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
  const roleOptions = useRoleOptions();

  const submit = (v: Values) => {
    const common = {
      displayName: v.displayName,
      role: v.role,
      scopeUnitId: v.scopeUnitId,
      personId: v.personId ?? null,
      lecturerId: v.role === 'lecturer' ? (v.lecturerId ?? null) : null,
      locale: v.locale,
    };
    return user
      ? update.mutateAsync({ id: user.id, body: common })
      : create.mutateAsync({ ...common, username: v.username.trim(), password: v.password });
  };

  return (
    <FormModal<Values>
      title={user ? t('editTitle', { name: user.username }) : t('createTitle')}
      onClose={onClose}
      form={form}
      submit={submit}
      success={user ? t('updated') : t('created')}
      width={640}
      mask={{ closable: false }}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              scopeUnitId: user.scopeUnitId,
              personId: user.personId,
              lecturerId: user.lecturerId,
              locale: user.locale === 'en' ? 'en' : 'vi',
            }
          : { role: 'unit_officer', locale: 'vi', personId: null, lecturerId: null }
      }
    >
      <Row gutter={16}>
        <Field
          xs={24}
          sm={12}
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
        </Field>
        <Field
          xs={24}
          sm={12}
          name="displayName"
          label={t('displayName')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 120 }]}
        >
          <Input autoComplete="off" />
        </Field>
        <Field xs={24} sm={12} name="role" label={t('role')} required={t('required')}>
          <Select options={roleOptions} />
        </Field>
        <Field xs={24} sm={12} name="locale" label={t('locale')}>
          <Select
            options={[
              { value: 'vi', label: t('vietnamese') },
              { value: 'en', label: t('english') },
            ]}
          />
        </Field>
        <Field
          span={24}
          name="scopeUnitId"
          label={t('scopeUnit')}
          extra={t('scopeHelp')}
          required={t('required')}
        >
          <UnitTreeSelect allowClear={false} />
        </Field>
        <Field
          span={24}
          name="personId"
          label={t('person')}
          extra={t('personHelp')}
          rules={[{ required: role === 'learner', message: t('required') }]}
        >
          <PersonPicker placeholder={t('personPlaceholder')} />
        </Field>
        {role === 'lecturer' ? (
          <Field span={24} name="lecturerId" label={t('lecturer')} extra={t('lecturerHelp')}>
            <LecturerSelect currentName={user?.lecturerName} placeholder={t('lecturerPlaceholder')} />
          </Field>
        ) : null}
        {!user ? (
          <Col xs={24} sm={12}>
            <NewPasswordField
              name="password"
              label={t('password')}
              extra={t('passwordHelp')}
              tooShort={t('passwordTooShort')}
            />
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}

/** An administrator sets a new password for a user. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT(usersMessages);
  const update = useUpdateUser();
  return (
    <FormModal<{ password: string }>
      title={t('resetTitle', { name: user.username })}
      onClose={onClose}
      submit={(v) => update.mutateAsync({ id: user.id, body: { password: v.password } })}
      success={t('passwordReset')}
    >
      <NewPasswordField
        name="password"
        label={t('newPassword')}
        extra={t('passwordHelp')}
        tooShort={t('passwordTooShort')}
      />
    </FormModal>
  );
}
