import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_KINDS } from '../../../../contracts/results';
import { DateInput } from '../../../components/date-input';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type Assessment, type AssessmentInput, useSaveAssessment } from '../api/gradebook';
import { gradebookMessages } from '../messages';

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
  const t = useT(gradebookMessages);
  const [lang] = useLang();
  const [form] = Form.useForm<AssessmentInput>();
  const save = useSaveAssessment(classId);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    // Invalid fields are marked in the form; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await save.mutateAsync({
        id: editing?.id,
        name: v.name.trim(),
        kind: v.kind,
        weight: v.weight,
        heldOn: v.heldOn ?? null,
      });
      message.success(t('assessmentSaved'));
      onClose();
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('editAssessment') : t('newAssessment')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        name="assessment"
        layout="vertical"
        initialValues={
          editing
            ? { name: editing.name, kind: editing.kind, weight: editing.weight, heldOn: editing.heldOn }
            : { kind: 'test', weight: 1, heldOn: null }
        }
      >
        <Form.Item
          name="name"
          label={t('assessmentName')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
          <Select
            options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: ASSESSMENT_KIND_LABELS[k][lang] }))}
          />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('weight')}
          extra={t('weightHelp')}
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber
            min={0}
            max={100}
            step={0.5}
            decimalSeparator={lang === 'vi' ? ',' : '.'}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={t('heldOn')} extra={t('heldOnHelp')}>
          <DateInput style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
