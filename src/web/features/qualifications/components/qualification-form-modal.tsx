import { Form, Input, Row } from 'antd';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { useT } from '../../../lib/i18n';
import {
  type Qualification,
  type QualificationInput,
  useAddQualification,
  useUpdateQualification,
} from '../api/qualifications';
import { qualificationMessages } from '../messages';

interface Values {
  kind: string | null;
  level: string | null;
  major: string | null;
  issuer: string | null;
  issuedOn: string | null;
  certificateNo: string | null;
  note: string | null;
}

export function QualificationFormModal({
  personId,
  editing,
  onClose,
}: {
  personId: number;
  /** The qualification being edited; none to add one. */
  editing?: Qualification;
  onClose: () => void;
}) {
  const t = useT(qualificationMessages);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const add = useAddQualification(personId);
  const update = useUpdateQualification(personId);

  const submit = async (v: Values) => {
    const body: QualificationInput = {
      kind: v.kind ?? '',
      level: v.level ?? '',
      major: blank(v.major),
      issuer: blank(v.issuer),
      issuedOn: v.issuedOn ?? null,
      certificateNo: blank(v.certificateNo),
      note: blank(v.note),
    };
    return editing ? update.mutateAsync({ id: editing.id, body }) : add.mutateAsync(body);
  };

  return (
    <FormModal
      success={editing ? t('updated') : t('added')}
      title={editing ? t('editTitle') : t('addTitle')}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={
        editing
          ? {
              kind: editing.kind,
              level: editing.level,
              major: editing.major,
              issuer: editing.issuer,
              issuedOn: editing.issuedOn,
              certificateNo: editing.certificateNo,
              note: editing.note,
            }
          : {}
      }
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          // Levels belong to a kind: a new kind empties the level.
          if ('kind' in changed) form.setFieldValue('level', null);
        },
      }}
    >
      <Row gutter={16}>
        <Field xs={24} sm={12} name="kind" label={t('kind')} required={t('required')}>
          <CodeSelect list="qualification_kind" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="level" label={t('level')} required={t('required')}>
          <CodeSelect
            list={kind ? `level_${kind}` : null}
            placeholder={kind ? undefined : t('levelPickKind')}
            disabled={!kind}
            allowClear={false}
          />
        </Field>
        <Field span={24} name="major" label={t('major')} rules={[{ max: 200 }]}>
          <Input />
        </Field>
        <Field xs={24} sm={12} name="issuer" label={t('issuer')} rules={[{ max: 200 }]}>
          <Input />
        </Field>
        <Field xs={24} sm={12} name="issuedOn" label={t('issuedOn')}>
          <DateInput noFuture />
        </Field>
        <Field xs={24} sm={12} name="certificateNo" label={t('certificateNo')} rules={[{ max: 60 }]}>
          <Input />
        </Field>
        <Field span={24} name="note" label={t('note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}
