import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
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
  const remove = useDeleteQualification(personId);
  const { message } = App.useApp();

  const submit = async ({ reason }: { reason: string }) => {
    await remove.mutateAsync({ id: qualification.id, reason: reason.trim() });
    message.success(t('removed'));
  };

  return (
    <FormModal<{ reason: string }>
      title={`${t('deleteTitle')}: ${title}`}
      okText={t('delete')}
      okButtonProps={{ danger: true }}
      onClose={onClose}
      submit={submit}
      intro={<Typography.Paragraph type="secondary">{t('deleteText')}</Typography.Paragraph>}
    >
      <Form.Item
        name="reason"
        label={t('deleteReason')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} placeholder={t('deleteReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
