import { Form, Input, Typography } from 'antd';
import { PersonPicker } from '../../../components/person-picker';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { type Nomination, useSubstitute } from '../api/nominations';
import { nominationsMessages } from '../messages';
import { useWarningGate } from './use-warning-gate';
import { CheckPanel } from './warnings';

interface Values {
  personId: number | null;
  reason: string;
}

/**
 * Send someone else in a nomination's place: the seat passes on. The new person's warnings are
 * shown as soon as they are picked and confirmed with the substitution.
 */
export function SubstituteModal({
  classId,
  nomination: n,
  onClose,
}: {
  classId: number;
  nomination: Nomination;
  onClose: () => void;
}) {
  const t = useT(nominationsMessages);
  const [form] = Form.useForm<Values>();
  const personId = Form.useWatch('personId', form) ?? null;
  const gate = useWarningGate(classId, personId);
  const substitute = useSubstitute(classId);

  const submit = (v: Values) =>
    substitute.mutateAsync({
      id: n.id,
      personId: v.personId as number,
      reason: v.reason.trim(),
      confirm: gate.confirm,
    });

  return (
    <FormModal
      success={t('substituted')}
      onFailed={(err) => gate.held(err)}
      width={600}
      title={t('substituteTitle', { name: n.personName })}
      okText={gate.confirm ? t('substituteAnyway') : t('substitute')}
      okButtonProps={{ disabled: gate.check.isFetching || !!gate.check.error }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ personId: null, reason: '' }}
      intro={
        <Typography.Paragraph type="secondary">
          {t('substituteHelp', { name: n.personName })}
        </Typography.Paragraph>
      }
    >
      <Field name="personId" label={t('substitutePerson')} required={t('required')}>
        <PersonPicker placeholder={t('pickPlaceholder')} />
      </Field>
      <CheckPanel gate={gate} />
      <Form.Item
        name="reason"
        label={t('substituteReason')}
        rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
