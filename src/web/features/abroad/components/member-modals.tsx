import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { PersonPicker } from '../../../components/person-picker';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  checkMember,
  type DelegationMember,
  type ReportInput,
  useAddMember,
  useSaveReport,
} from '../api/abroad';
import { abroadMessages } from '../messages';

type Warning = { code: string; vi: string; en: string };

/** Pick a person, see the date clashes, add (confirming the warnings). */
export function AddMemberModal({ delegationId, onClose }: { delegationId: number; onClose: () => void }) {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const add = useAddMember(delegationId);
  const [form] = Form.useForm<{ personId: number | null; role: string | null }>();
  const [warnings, setWarnings] = useState<Warning[] | null>(null);

  const onPerson = async (personId: number | null) => {
    setWarnings(null);
    if (!personId) return;
    try {
      setWarnings((await checkMember(delegationId, personId)).warnings);
    } catch (err) {
      onError(err, { form });
    }
  };

  const submit = async (v: { personId: number | null; role: string | null }) => {
    await add.mutateAsync({
      personId: v.personId!,
      role: v.role?.trim() || null,
      confirm: !!warnings?.length,
    });
    message.success(t('saved'));
  };

  return (
    <FormModal
      title={t('addMemberTitle')}
      okText={warnings?.length ? t('confirmAdd') : t('save')}
      okButtonProps={{ danger: !!warnings?.length }}
      onClose={onClose}
      form={form}
      submit={submit}
      after={
        warnings === null ? null : warnings.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('warningsTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {warnings.map((w) => (
                  <li key={w.vi}>{w[lang]}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon title={t('noWarnings')} />
        )
      }
    >
      <Field name="personId" label={t('person')} required={t('required')}>
        <PersonPicker onChange={onPerson} />
      </Field>
      <Form.Item name="role" label={t('role')}>
        <Input maxLength={100} placeholder={t('rolePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

/** Record a member's report: the day handed in, a summary and/or a file. */
export function ReportModal({
  delegationId,
  member,
  returnsOn,
  onClose,
}: {
  delegationId: number;
  member: DelegationMember;
  returnsOn: string;
  onClose: () => void;
}) {
  const t = useT(abroadMessages);
  const { message } = App.useApp();
  const save = useSaveReport(delegationId);
  const [file, setFile] = useState<ReportInput['file']>(undefined);
  const currentName = file === undefined ? member.report.fileName : (file?.fileName ?? null);

  const submit = async (v: { submittedOn: string | null; summary: string | null }) => {
    await save.mutateAsync({
      memberId: member.id,
      body: { submittedOn: v.submittedOn!, summary: v.summary?.trim() || null, file },
    });
    message.success(t('saved'));
  };

  return (
    <FormModal<{ submittedOn: string | null; summary: string | null }>
      title={t('reportTitle', { name: member.fullName })}
      onClose={onClose}
      submit={submit}
      initialValues={{ submittedOn: member.report.submittedOn ?? null, summary: member.report.summary }}
    >
      <Field
        name="submittedOn"
        label={t('submittedOn')}
        required={t('required')}
        extra={t('reportWaiting', { due: member.report.dueOn.split('-').reverse().join('/') })}
      >
        <DateInput noFuture />
      </Field>
      <Form.Item name="summary" label={t('summary')}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('file')}>
        <Space wrap>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,.docx"
            showUploadList={false}
            beforeUpload={async (f) => {
              setFile({
                fileName: f.name,
                mimeType: (f.type || 'application/pdf') as NonNullable<ReportInput['file']>['mimeType'],
                contentBase64: await toBase64(f),
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
          </Upload>
          {currentName ? (
            <>
              <Typography.Text>{currentName}</Typography.Text>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('removeFile')}
                onClick={() => setFile(null)}
              />
            </>
          ) : null}
        </Space>
      </Form.Item>
      <Typography.Text type="secondary">{`${t('returnsOn')}: ${returnsOn.split('-').reverse().join('/')}`}</Typography.Text>
    </FormModal>
  );
}
