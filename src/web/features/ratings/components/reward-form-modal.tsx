import { App, Form, Input, Radio, Row } from 'antd';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { type RewardDiscipline, useAddReward } from '../api/ratings';
import { ratingMessages } from '../messages';

type Kind = RewardDiscipline['kind'];

interface Values {
  kind: Kind;
  form: string | null;
  decidedOn: string | null;
  decisionNo: string | null;
  issuer: string | null;
  reason: string | null;
}

/** The code list of the forms of a kind (the server checks the form against it). */
export const formListOf = (kind: Kind) => (kind === 'reward' ? 'reward_form' : 'discipline_form');

export function RewardFormModal({ personId, onClose }: { personId: number; onClose: () => void }) {
  const t = useT(ratingMessages);
  const label = useCodeLabel();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'reward';
  const add = useAddReward(personId);
  const { message } = App.useApp();
  const kindWord = (k: Kind) => (k === 'reward' ? t('kindRewardLower') : t('kindDisciplineLower'));

  const submit = async (v: Values) => {
    const r = await add.mutateAsync({
      kind: v.kind,
      form: v.form!,
      decidedOn: v.decidedOn!,
      decisionNo: blank(v.decisionNo),
      issuer: blank(v.issuer),
      reason: blank(v.reason),
    });
    message.success(t('rewardAdded', { kind: kindWord(r.kind), form: label(formListOf(r.kind), r.form) }));
  };

  return (
    <FormModal
      title={t('addRewardTitle')}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ kind: 'reward', form: null, decidedOn: null }}
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          // Forms belong to a kind: switching kind empties the form.
          if ('kind' in changed) form.setFieldValue('form', null);
        },
      }}
    >
      <Row gutter={16}>
        <Field span={24} name="kind" label={t('kind')} required={t('required')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'reward', label: t('kindReward') },
              { value: 'discipline', label: t('kindDiscipline') },
            ]}
          />
        </Field>
        <Field xs={24} sm={14} name="form" label={t('form')} required={t('required')}>
          <CodeSelect list={formListOf(kind)} allowClear={false} />
        </Field>
        <Field xs={24} sm={10} name="decidedOn" label={t('decidedOn')} required={t('required')}>
          <DateInput noFuture />
        </Field>
        <Field xs={24} sm={10} name="decisionNo" label={t('decisionNo')} rules={[{ max: 60 }]}>
          <Input placeholder="125/QĐ-UBND" />
        </Field>
        <Field xs={24} sm={14} name="issuer" label={t('issuer')} rules={[{ max: 200 }]}>
          <Input />
        </Field>
        <Field span={24} name="reason" label={t('rewardReason')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} placeholder={t('rewardReasonPlaceholder')} />
        </Field>
      </Row>
    </FormModal>
  );
}
