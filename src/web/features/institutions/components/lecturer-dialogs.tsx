import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Spin,
  Switch,
  Table,
  Tag,
} from 'antd';
import { LECTURER_KIND_LABELS, LECTURER_KINDS } from '../../../../contracts/institutions';
import { CodeSelect } from '../../../components/code-select';
import { PersonPicker } from '../../../components/person-picker';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useCodeLabel } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { RatingsSection } from '../../feedback/components/ratings';
import {
  type LecturerDetail,
  useInstitutionOptions,
  useLecturer,
  useSaveLecturer,
  useSetHours,
} from '../api/institutions';
import { institutionsMessages } from '../messages';

interface Values {
  kind: 'internal' | 'invited';
  personId: number | null;
  fullName: string | null;
  workplace: string | null;
  degree: string | null;
  academicTitle: string | null;
  subjects: string[];
  phone: string | null;
  email: string | null;
  institutionIds: number[];
  active: boolean;
}

/** Add or edit a lecturer: internal ones are picked from the registry, invited ones typed in. */
export function LecturerFormModal({ lecturer, onClose }: { lecturer?: LecturerDetail; onClose: () => void }) {
  const t = useT(institutionsMessages);
  const [lang] = useLang();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? lecturer?.kind ?? 'invited';
  const save = useSaveLecturer();
  const institutions = useInstitutionOptions();
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    const common = {
      workplace: v.workplace ?? null,
      degree: v.degree ?? null,
      academicTitle: v.academicTitle ?? null,
      subjects: v.subjects ?? [],
      phone: v.phone ?? null,
      email: v.email ?? null,
      institutionIds: v.institutionIds ?? [],
      active: v.active,
    };
    const body = lecturer
      ? { ...common, ...(lecturer.kind === 'invited' ? { fullName: v.fullName } : {}) }
      : {
          ...common,
          kind: v.kind,
          personId: v.kind === 'internal' ? v.personId : null,
          fullName: v.kind === 'invited' ? v.fullName : null,
        };
    await save.mutateAsync({ id: lecturer?.id, body });
    message.success(lecturer ? t('lecturerUpdated') : t('lecturerCreated'));
  };
  const half = { xs: 24, sm: 12 };
  return (
    <FormModal
      title={lecturer ? t('lecturerEdit', { name: lecturer.fullName }) : t('lecturerCreate')}
      width={720}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={
        lecturer
          ? { ...lecturer, institutionIds: lecturer.institutions.map((i) => i.id) }
          : { kind: 'invited', subjects: [], institutionIds: [], active: true }
      }
    >
      <Row gutter={16}>
        <Field span={24} name="kind" label={t('lecturerKind')}>
          <Radio.Group
            disabled={!!lecturer}
            options={LECTURER_KINDS.map((k) => ({ value: k, label: LECTURER_KIND_LABELS[k][lang] }))}
          />
        </Field>
        {kind === 'internal' ? (
          <Field span={24} name="personId" label={t('person')} required={t('required')}>
            <PersonPicker placeholder={t('personPlaceholder')} disabled={!!lecturer} />
          </Field>
        ) : (
          <Field
            span={24}
            name="fullName"
            label={t('fullName')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
          >
            <Input autoComplete="off" />
          </Field>
        )}
        <Field span={24} name="workplace" label={t('workplace')} rules={[{ max: 300 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="degree" label={t('degree')}>
          <CodeSelect list="level_EDUCATION" />
        </Field>
        <Field {...half} name="academicTitle" label={t('academicTitle')}>
          <CodeSelect list="academic_title" />
        </Field>
        <Field span={24} name="subjects" label={t('subjects')} extra={t('subjectsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} />
        </Field>
        <Field span={24} name="institutionIds" label={t('institutions')}>
          <Select
            mode="multiple"
            loading={institutions.isPending}
            options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Field>
        <Field {...half} name="phone" label={t('phone')} rules={[{ max: 40 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="email" label={t('email')} rules={[{ type: 'email' }]}>
          <Input autoComplete="off" />
        </Field>
        <Field span={24} name="active" label={t('activeLabel')} valuePropName="checked">
          <Switch />
        </Field>
      </Row>
    </FormModal>
  );
}

/** A lecturer with institutions, subjects and periods taught per year (typed rows editable). */
export function LecturerDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number;
  onClose: () => void;
  onEdit: (l: LecturerDetail) => void;
}) {
  const t = useT(institutionsMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const screens = Grid.useBreakpoint();
  const { data: l } = useLecturer(id);
  const setHours = useSetHours();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; periods: number }>();
  const year = new Date().getFullYear();

  const submitHours = (v: { year: number; periods: number }) =>
    setHours.mutate(
      { id, year: v.year, periods: v.periods },
      { onSuccess: () => message.success(t('hoursSaved')), onError: (err) => onError(err, { form }) },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={l ? t('lecturerDetail', { name: l.fullName }) : t('loading')}
      size={screens.md ? 640 : '100%'}
      extra={
        l?.editable ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(l)}>
            {t('edit')}
          </Button>
        ) : null
      }
    >
      {!l ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <>
          {!l.editable ? (
            <Alert
              type="info"
              showIcon
              title={t('readOnly', { unit: l.ownerUnitName })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Descriptions size="small" bordered column={1} styles={{ label: { width: 200 } }}>
            <Descriptions.Item label={t('lecturerKind')}>
              {LECTURER_KIND_LABELS[l.kind][lang]}
            </Descriptions.Item>
            <Descriptions.Item label={t('workplace')}>
              {l.personUnitName ?? l.workplace ?? t('none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('degree')}>
              {label('level_EDUCATION', l.degree)}
              {l.academicTitle ? `, ${label('academic_title', l.academicTitle)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjects')}>
              {l.subjects.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('institutions')}>
              {l.institutions.map((i) => i.name).join('; ') || t('none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('owner')}>{l.ownerUnitName}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('hours')}</Divider>
          <Table
            aria-label={t('hours')}
            size="small"
            rowKey={(r) => `${r.year}-${r.source}`}
            pagination={false}
            dataSource={l.hours}
            locale={{ emptyText: t('noHours') }}
            columns={[
              { title: t('year'), dataIndex: 'year', width: 80 },
              {
                title: t('source'),
                dataIndex: 'source',
                render: (s: string) => (s === 'manual' ? t('sourceManual') : t('sourceClasses')),
              },
              {
                title: t('periods'),
                dataIndex: 'periods',
                align: 'right',
                width: 100,
                render: (v: number) => v.toLocaleString('vi-VN'),
              },
              { title: t('note'), dataIndex: 'note' },
            ]}
          />
          {l.editable ? (
            <Form
              form={form}
              layout="inline"
              onFinish={submitHours}
              initialValues={{ year }}
              style={{ marginTop: 12 }}
            >
              <Field name="year" label={t('year')} required={t('required')}>
                <InputNumber min={2000} max={2100} precision={0} />
              </Field>
              <Field name="periods" label={t('periods')} required={t('required')}>
                <InputNumber min={0} max={5000} precision={0} />
              </Field>
              <Button htmlType="submit" loading={setHours.isPending}>
                {t('setHours')}
              </Button>
            </Form>
          ) : null}
          <RatingsSection of="lecturers" id={id} />
        </>
      )}
    </Drawer>
  );
}
