import { Alert, App, Form, Input } from 'antd';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type RuleFamily, type RuleVersion, useCopyRule, useRetireRule } from '../api/standards';
import { standardsMessages } from '../messages';
import { useChangeTarget } from './rule-bits';

interface Props {
  family: RuleFamily;
  rule: RuleVersion;
  onClose: () => void;
  onSaved: (rule: { id: number }) => void;
}

/** Retire from a date with a reason, after an explicit confirmation. */
export function RetireRuleModal({ family, rule, onClose, onSaved }: Props) {
  const t = useT(standardsMessages);
  const retire = useRetireRule(family);
  const { message, modal } = App.useApp();
  const target = useChangeTarget(rule);

  const submit = async (v: { effectiveTo: string; reason: string }) => {
    const date = formatDate(v.effectiveTo);
    const ok = await modal.confirm({
      title: t('retireConfirmTitle'),
      content: t(family === 'standards' ? 'retireConfirmText' : 'retireConfirmTextEligibility', {
        code: rule.code,
        date,
      }),
      okText: t('retire'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
    });
    if (!ok) return;
    const saved = await retire.mutateAsync({
      id: rule.id,
      body: { effectiveTo: v.effectiveTo, reason: v.reason.trim() },
    });
    message.success(t('retired', { code: rule.code, date }));
    onSaved(saved);
  };

  return (
    <FormModal<{ effectiveTo: string; reason: string }>
      title={t('retireTitle', { code: rule.code })}
      okText={t('retire')}
      okButtonProps={{ danger: true }}
      mask={{ closable: false }}
      onClose={onClose}
      submit={submit}
      intro={
        target.override ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('retireNationalHint', { owner: target.owner, unit: target.unit })}
          />
        ) : null
      }
    >
      <Field name="effectiveTo" label={t('retireFrom')} extra={t('retireFromHelp')} required={t('required')}>
        <DateInput />
      </Field>
      <Form.Item
        name="reason"
        label={t('retireReason')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} placeholder={t('retireReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/** Copy under a new code, owned by the user's unit. */
export function CopyRuleModal({ family, rule, onClose, onSaved }: Props) {
  const t = useT(standardsMessages);
  const copy = useCopyRule(family);
  const { message } = App.useApp();
  const target = useChangeTarget(rule);

  const submit = async (v: { code: string; titleVi: string; titleEn: string; effectiveFrom?: string }) => {
    const saved = await copy.mutateAsync({
      id: rule.id,
      body: {
        code: v.code.trim(),
        titleVi: v.titleVi.trim(),
        titleEn: v.titleEn.trim(),
        ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
      },
    });
    message.success(t('copied', { code: saved.code }));
    onSaved(saved);
  };

  return (
    <FormModal<{ code: string; titleVi: string; titleEn: string; effectiveFrom?: string }>
      title={t('copyTitle', { code: rule.code })}
      mask={{ closable: false }}
      onClose={onClose}
      submit={submit}
      initialValues={{
        code: `${rule.code}_COPY`.slice(0, 60),
        titleVi: rule.titleVi,
        titleEn: rule.titleEn,
      }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(family === 'standards' ? 'copyHint' : 'copyHintEligibility', { unit: target.unit })}
        />
      }
    >
      <CodeField />
      <TitleFields />
      <Form.Item name="effectiveFrom" label={t('copyFrom')} extra={t('copyFromHelp')}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

/** The code of a new rule, checked here as the server checks it. */
export function CodeField() {
  const t = useT(standardsMessages);
  return (
    <Form.Item
      name="code"
      label={t('code')}
      extra={t('codeHelp')}
      normalize={(v: string) => v?.toUpperCase()}
      rules={[
        { required: true, whitespace: true, message: t('required') },
        { pattern: /^[A-Z][A-Z0-9_]{1,59}$/, message: t('codeHelp') },
      ]}
    >
      <Input maxLength={60} autoComplete="off" />
    </Form.Item>
  );
}

export function TitleFields() {
  const t = useT(standardsMessages);
  return (
    <>
      <Form.Item
        name="titleVi"
        label={t('titleVi')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="titleEn"
        label={t('titleEn')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
      >
        <Input />
      </Form.Item>
    </>
  );
}
