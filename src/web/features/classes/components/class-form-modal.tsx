import { Alert, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { PROGRAMME_MODES } from '../../../../contracts/catalogue';
import { BudgetAndNote, budgetOf } from '../../../components/budget-inputs';
import { DateInput } from '../../../components/date-input';
import { ProgrammeSelect } from '../../../components/programme-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { useT } from '../../../lib/i18n';
import {
  type ClassDetail,
  useCreateClass,
  useInstitutionOptions,
  useNextCode,
  useUpdateClass,
} from '../api/classes';
import { classesMessages } from '../messages';

interface Values {
  code: string;
  name: string;
  programmeId: number;
  institutionId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
  mode: (typeof PROGRAMME_MODES)[number];
  capacity: number;
  nominationDeadline: string | null;
  budget: Record<string, number | null>;
  note: string | null;
}

const modeKey = (m: string) => `mode${m[0].toUpperCase()}${m.slice(1)}` as 'modeIn_person';

/** Open a class (optionally for a plan line) or edit one; the code is suggested per organiser and year. */
export function ClassFormModal({
  editing,
  planLineId,
  onClose,
}: {
  editing?: ClassDetail;
  planLineId?: number;
  onClose: () => void;
}) {
  const t = useT(classesMessages);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreateClass();
  const update = useUpdateClass(editing?.id ?? 0);
  const institutions = useInstitutionOptions();
  const startsOn = Form.useWatch('startsOn', form);
  const year = Number((startsOn ?? '').slice(0, 4)) || new Date().getFullYear();
  const next = useNextCode(year, !editing);

  useEffect(() => {
    if (!editing && next.data && !form.isFieldTouched('code')) form.setFieldValue('code', next.data.code);
  }, [editing, next.data, form]);

  const submit = async (v: Values) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      programmeId: v.programmeId,
      institutionId: v.institutionId ?? null,
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn ?? '',
      venue: blank(v.venue),
      mode: v.mode,
      capacity: v.capacity,
      nominationDeadline: v.nominationDeadline ?? null,
      budget: budgetOf(v.budget),
      note: blank(v.note),
    };
    return editing
      ? update.mutateAsync({ ...body, version: editing.version }).then(() => null)
      : create.mutateAsync({ ...body, planLineId: planLineId ?? null });
  };

  return (
    <FormModal
      success={(c) => (c ? t('created', { code: c.code }) : t('saved'))}
      onDone={(c) => c && navigate(`/classes/${c.id}`)}
      width={760}
      title={editing ? t('editTitle', { code: editing.code }) : t('createTitle')}
      onClose={onClose}
      form={form}
      submit={submit}
      errorOptions={{ conflictMeansStale: !!editing }}
      initialValues={
        editing
          ? { ...editing, budget: editing.budget }
          : {
              mode: 'in_person',
              capacity: 50,
              budget: {},
              startsOn: null,
              endsOn: null,
              nominationDeadline: null,
            }
      }
      intro={
        planLineId && !editing ? (
          <Alert
            type="info"
            showIcon
            title={t('planLineLinked', { id: planLineId })}
            style={{ marginBottom: 12 }}
          />
        ) : null
      }
    >
      <Row gutter={12}>
        <Field
          xs={24}
          sm={8}
          name="code"
          label={t('code')}
          extra={editing ? undefined : t('codeHelp')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 40 }]}
        >
          <Input />
        </Field>
        <Field
          xs={24}
          sm={16}
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={300} />
        </Field>
      </Row>
      <Field name="programmeId" label={t('programme')} required={t('required')}>
        <ProgrammeSelect
          placeholder={t('searchPlaceholder')}
          current={
            editing
              ? { value: editing.programmeId, label: `${editing.programmeCode} – ${editing.programmeName}` }
              : null
          }
        />
      </Field>
      <Row gutter={12}>
        <Field xs={24} sm={12} name="institutionId" label={t('institution')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.label }))}
          />
        </Field>
        <Field xs={24} sm={12} name="venue" label={t('venue')}>
          <Input maxLength={300} />
        </Field>
        <Field xs={12} sm={6} name="startsOn" label={t('startsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field xs={12} sm={6} name="endsOn" label={t('endsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field xs={12} sm={6} name="mode" label={t('mode')}>
          <Select options={PROGRAMME_MODES.map((m) => ({ value: m, label: t(modeKey(m)) }))} />
        </Field>
        <Field xs={12} sm={6} name="capacity" label={t('capacity')} required={t('required')}>
          <InputNumber min={1} max={5000} style={{ width: '100%' }} />
        </Field>
        <Field
          xs={24}
          sm={12}
          name="nominationDeadline"
          label={t('nominationDeadline')}
          extra={t('nominationDeadlineHelp')}
        >
          <DateInput />
        </Field>
        {editing ? (
          <Field xs={24} sm={12} label={t('seatsHeld')}>
            <span className="tabular">
              {editing.seatsTaken}/{editing.capacity}
            </span>
          </Field>
        ) : null}
      </Row>
      <BudgetAndNote title={t('budget')} noteLabel={t('note')} />
    </FormModal>
  );
}
