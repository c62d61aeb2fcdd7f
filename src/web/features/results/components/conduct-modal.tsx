import { App, Form, Input, Switch, Tag, Tooltip } from 'antd';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { type Learner, useSaveConduct } from '../api/results';
import { resultsMessages } from '../messages';

/** The learner's conduct as a tag; a button opening the form where the actor may edit it. */
export function ConductTag({
  learner,
  editable,
  onEdit,
}: {
  learner: Learner;
  editable: boolean;
  onEdit: () => void;
}) {
  const t = useT(resultsMessages);
  const tag = (
    <Tag color={learner.rulesKept ? 'green' : 'red'} style={{ margin: 0 }}>
      {learner.rulesKept ? t('rulesKept') : t('rulesBroken')}
    </Tag>
  );
  const tip = learner.disciplineNote ?? undefined;
  if (!editable) return <Tooltip title={tip}>{tag}</Tooltip>;
  return (
    <Tooltip title={tip}>
      <button
        type="button"
        aria-label={t('conductOf', { name: learner.fullName })}
        onClick={onEdit}
        style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
      >
        {tag}
      </button>
    </Tooltip>
  );
}

/** Whether a learner kept the rules, with a discipline note (required when not): saved at once. */
export function ConductModal({
  classId,
  learner,
  onClose,
}: {
  classId: number;
  learner: Learner;
  onClose: () => void;
}) {
  const t = useT(resultsMessages);
  const [form] = Form.useForm<{ rulesKept: boolean; disciplineNote?: string }>();
  const kept = Form.useWatch('rulesKept', form) ?? learner.rulesKept;
  const save = useSaveConduct(classId);
  const { message } = App.useApp();

  const submit = async (v: { rulesKept: boolean; disciplineNote?: string }) => {
    await save.mutateAsync({
      nominationId: learner.nominationId,
      rulesKept: v.rulesKept,
      disciplineNote: v.disciplineNote?.trim() || null,
    });
    message.success(t('conductSaved'));
  };

  return (
    <FormModal
      title={t('conductTitle', { name: learner.fullName })}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ rulesKept: learner.rulesKept, disciplineNote: learner.disciplineNote ?? '' }}
      formProps={{ name: 'conduct' }}
    >
      <Form.Item name="rulesKept" label={t('conductKept')} valuePropName="checked">
        <Switch checkedChildren={t('rulesKept')} unCheckedChildren={t('rulesBroken')} />
      </Form.Item>
      <Form.Item
        name="disciplineNote"
        label={t('disciplineNote')}
        rules={[{ required: !kept, whitespace: true, message: t('noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
