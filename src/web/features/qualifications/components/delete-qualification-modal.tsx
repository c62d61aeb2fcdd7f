import { App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type Qualification, useDeleteQualification } from '../api/qualifications';
import { qualificationMessages } from '../messages';

export function DeleteQualificationModal({
  personId,
  qualification,
  title,
  onClose,
}: {
  personId: number;
  qualification: Qualification;
  title: string;
  onClose: () => void;
}) {
  const t = useT(qualificationMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useDeleteQualification(personId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    const { reason } = await form.validateFields();
    remove.mutate(
      { id: qualification.id, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('removed'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('deleteTitle')}: ${title}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('deleteText')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('deleteReason')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} placeholder={t('deleteReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
