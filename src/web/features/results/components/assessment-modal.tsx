import { App, Form, Input, InputNumber, Select } from 'antd';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_KINDS } from '../../../../contracts/results';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { type Assessment, type AssessmentInput, useSaveAssessment } from '../api/results';
import { resultsMessages } from '../messages';

/** Add an assessment, or rename / reweight / re-kind one. */
export function AssessmentModal({
  classId,
  editing,
  onClose,
}: {
  classId: number;
  editing?: Assessment;
  onClose: () => void;
}) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const save = useSaveAssessment(classId);
  const { message } = App.useApp();

  const submit = async (v: AssessmentInput) => {
    await save.mutateAsync({
      id: editing?.id,
      name: v.name.trim(),
      kind: v.kind,
      weight: v.weight,
      heldOn: v.heldOn ?? null,
    });
    message.success(t('assessmentSaved'));
  };

  return (
    <FormModal<AssessmentInput>
      title={editing ? t('editAssessment') : t('newAssessment')}
      onClose={onClose}
      submit={submit}
      initialValues={
        editing
          ? { name: editing.name, kind: editing.kind, weight: editing.weight, heldOn: editing.heldOn }
          : { kind: 'test', weight: 1, heldOn: null }
      }
      formProps={{ name: 'assessment' }}
    >
      <Form.Item
        name="name"
        label={t('assessmentName')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
      >
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Field name="kind" label={t('kind')} required={t('required')}>
        <Select
          options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: ASSESSMENT_KIND_LABELS[k][lang] }))}
        />
      </Field>
      <Field name="weight" label={t('weight')} extra={t('weightHelp')} required={t('required')}>
        <InputNumber
          min={0}
          max={100}
          step={0.5}
          decimalSeparator={lang === 'vi' ? ',' : '.'}
          style={{ width: 140 }}
        />
      </Field>
      <Form.Item name="heldOn" label={t('heldOn')} extra={t('heldOnHelp')}>
        <DateInput style={{ width: 180 }} />
      </Form.Item>
    </FormModal>
  );
}
