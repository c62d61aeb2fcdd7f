import { App, Form, Input, Modal, Switch, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type Learner, useSaveConduct } from '../api/gradebook';
import { gradebookMessages } from '../messages';

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
  const t = useT(gradebookMessages);
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
  const t = useT(gradebookMessages);
  const [form] = Form.useForm<{ rulesKept: boolean; disciplineNote?: string }>();
  const kept = Form.useWatch('rulesKept', form) ?? learner.rulesKept;
  const save = useSaveConduct(classId);
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
        nominationId: learner.nominationId,
        rulesKept: v.rulesKept,
        disciplineNote: v.disciplineNote?.trim() || null,
      });
      message.success(t('conductSaved'));
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
      title={t('conductTitle', { name: learner.fullName })}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        name="conduct"
        layout="vertical"
        initialValues={{ rulesKept: learner.rulesKept, disciplineNote: learner.disciplineNote ?? '' }}
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
      </Form>
    </Modal>
  );
}
