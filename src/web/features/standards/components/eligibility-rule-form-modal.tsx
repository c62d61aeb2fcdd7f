import { Alert, App, Divider, Form, Modal, Select } from 'antd';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { Field } from '../../../kit/field';
import { useMe } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type EligibilityRule, useCreateEligibilityRule, useReviseEligibilityRule } from '../api/standards';
import { standardsMessages } from '../messages';
import {
  type ConditionValues,
  changedFields,
  type LegalSourceValues,
  toCondition,
  toConditionValues,
  toLegalSource,
} from '../rule-form';
import { ConditionsEditor } from './conditions-editor';
import { CodeField, TitleFields } from './rule-action-modals';
import { LegalSourceFields, PeriodFields, ReviseHint } from './rule-form-parts';

interface Values {
  code?: string;
  purpose?: string;
  titleVi: string;
  titleEn: string;
  conditions: ConditionValues[];
  effectiveFrom: string;
  effectiveTo?: string | null;
  legalSource: LegalSourceValues;
}

/** What a revision may change (the purpose stays). */
function toContent(v: Values) {
  return {
    titleVi: v.titleVi.trim(),
    titleEn: v.titleEn.trim(),
    conditions: v.conditions.map(toCondition),
    legalSource: toLegalSource(v.legalSource),
  };
}

function toValues(r: EligibilityRule): Partial<Values> {
  return {
    purpose: r.purpose,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    conditions: r.conditions.map(toConditionValues),
    legalSource: { ...r.legalSource },
  };
}

/**
 * Add a province's own eligibility rule, or revise one from a date (`revising`). A revision sends
 * only what changed; the server takes the rest from the version it replaces on that date.
 */
export function EligibilityRuleFormModal({
  revising,
  onClose,
  onSaved,
}: {
  revising?: EligibilityRule;
  onClose: () => void;
  onSaved: (rule: EligibilityRule) => void;
}) {
  const t = useT(standardsMessages);
  const [lang] = useLang();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateEligibilityRule();
  const revise = useReviseEligibilityRule();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    // Invalid fields are marked in the form; nothing more to say.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const content = toContent(v);
    const done = {
      onSuccess: (saved: EligibilityRule) => {
        message.success(t(revising ? 'revised' : 'created', { code: saved.code }));
        onSaved(saved);
        onClose();
      },
      onError: (err: unknown) => onError(err, { form }),
    };
    if (!revising) {
      create.mutate(
        {
          code: v.code!.trim(),
          purpose: v.purpose!,
          ...content,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo ?? null,
        },
        done,
      );
      return;
    }
    const changes = changedFields(content, toContent(toValues(revising) as Values));
    if (Object.keys(changes).length === 0) {
      message.warning(t('nothingChanged'));
      return;
    }
    revise.mutate({ id: revising.id, body: { effectiveFrom: v.effectiveFrom, ...changes } }, done);
  };

  return (
    <Modal
      open
      title={
        revising
          ? t('reviseTitle', { code: revising.code })
          : t('createEligibilityTitle', { unit: me.scopeUnitName })
      }
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending || revise.isPending}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {revising ? <ReviseHint rule={revising} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={revising ? toValues(revising) : { conditions: [{}] }}
        onValuesChange={(changed: Partial<Values>) => {
          // Levels belong to a kind: a new kind empties that row's level. Adding or removing a
          // row reports whole rows, which must keep their level.
          changed.conditions?.forEach((row, i) => {
            if (row && Object.keys(row).length === 1 && 'kind' in row)
              form.setFieldValue(['conditions', i, 'minLevel'], null);
          });
        }}
      >
        {revising ? null : <CodeField />}
        <Field
          name="purpose"
          label={t('purpose')}
          extra={revising ? t('purposeFixed') : undefined}
          required={t('required')}
        >
          <Select
            disabled={!!revising}
            options={Object.entries(PURPOSE_LABELS).map(([value, l]) => ({ value, label: l[lang] }))}
          />
        </Field>
        <TitleFields />

        <Divider titlePlacement="start">{t('colConditions')}</Divider>
        <Alert type="info" title={t('conditionsHelp')} style={{ marginBottom: 12 }} />
        <ConditionsEditor />

        <PeriodFields withEnd={!revising} />
        <LegalSourceFields />
      </Form>
    </Modal>
  );
}
