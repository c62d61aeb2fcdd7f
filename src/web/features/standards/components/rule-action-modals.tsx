import { Alert, App, Form, Input, Modal } from 'antd';
import { DateInput } from '../../../components/date-input';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
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
  const [form] = Form.useForm<{ effectiveTo: string; reason: string }>();
  const retire = useRetireRule(family);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const target = useChangeTarget(rule);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the invalid fields are marked
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
    retire.mutate(
      { id: rule.id, body: { effectiveTo: v.effectiveTo, reason: v.reason.trim() } },
      {
        onSuccess: (saved) => {
          message.success(t('retired', { code: rule.code, date }));
          onSaved(saved);
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('retireTitle', { code: rule.code })}
      onCancel={onClose}
      onOk={submit}
      okText={t('retire')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={retire.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {target.override ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('retireNationalHint', { owner: target.owner, unit: target.unit })}
        />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="effectiveTo"
          label={t('retireFrom')}
          extra={t('retireFromHelp')}
          rules={[{ required: true, message: t('required') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('retireReason')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} placeholder={t('retireReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Copy under a new code, owned by the user's unit. */
export function CopyRuleModal({ family, rule, onClose, onSaved }: Props) {
  const t = useT(standardsMessages);
  const [form] = Form.useForm<{ code: string; titleVi: string; titleEn: string; effectiveFrom?: string }>();
  const copy = useCopyRule(family);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const target = useChangeTarget(rule);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the invalid fields are marked
    copy.mutate(
      {
        id: rule.id,
        body: {
          code: v.code.trim(),
          titleVi: v.titleVi.trim(),
          titleEn: v.titleEn.trim(),
          ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
        },
      },
      {
        onSuccess: (saved) => {
          message.success(t('copied', { code: saved.code }));
          onSaved(saved);
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('copyTitle', { code: rule.code })}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={copy.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(family === 'standards' ? 'copyHint' : 'copyHintEligibility', { unit: target.unit })}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          code: `${rule.code}_COPY`.slice(0, 60),
          titleVi: rule.titleVi,
          titleEn: rule.titleEn,
        }}
      >
        <CodeField />
        <TitleFields />
        <Form.Item name="effectiveFrom" label={t('copyFrom')} extra={t('copyFromHelp')}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
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
