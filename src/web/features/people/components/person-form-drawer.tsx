import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Flex, Form, Grid, Input, Row, Switch } from 'antd';
import { useMemo } from 'react';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type Person,
  peopleKeys,
  type UpdatePersonInput,
  useCreatePerson,
  useUpdatePerson,
} from '../api/people';
import { peopleMessages } from '../messages';

/** The fields of the form (dates as ISO strings). */
interface Values {
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  ethnicity: string | null;
  personalId: string | null;
  partyMember: boolean;
  partyJoinDate: string | null;
  category: string | null;
  rank: string | null;
  post: string | null;
  postCode: string | null;
  leadershipTier: string | null;
  appointedOn: string | null;
  unitId: number | null;
  managementAuthority: string | null;
  planningTitle: string | null;
  status: string | null;
  serviceStart: string | null;
  effectiveDate: string | null;
  reason: string | null;
}

const PERSON_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'personalId',
  'partyMember',
  'partyJoinDate',
  'category',
  'rank',
  'post',
  'postCode',
  'leadershipTier',
  'appointedOn',
  'unitId',
  'managementAuthority',
  'planningTitle',
  'status',
  'serviceStart',
] as const;

const norm = (v: unknown) => (v === undefined || v === '' ? null : typeof v === 'string' ? v.trim() : v);

type Props = {
  open: boolean;
  onClose: () => void;
  onSaved: (p: Person) => void;
} & (
  | { mode: 'create'; defaultUnitId?: number; person?: undefined }
  | { mode: 'edit'; person: Person; defaultUnitId?: undefined }
);

export function PersonFormDrawer(props: Props) {
  const { open, onClose, onSaved, mode } = props;
  const t = useT(peopleMessages);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const create = useCreatePerson();
  const update = useUpdatePerson(props.person?.id ?? 0);
  const screens = Grid.useBreakpoint();
  const qc = useQueryClient();
  const partyMember = Form.useWatch('partyMember', form);
  // Categories are dated (ADR 043): offer those valid on the day the change takes effect.
  const effectiveDate = Form.useWatch('effectiveDate', form);
  const serviceStart = Form.useWatch('serviceStart', form);
  const categoryDate = effectiveDate || (props.mode === 'create' ? serviceStart : null) || todayIso();

  const initialValues = useMemo<Partial<Values>>(() => {
    if (props.mode === 'edit') {
      const p = props.person;
      return {
        ...Object.fromEntries(PERSON_FIELDS.map((k) => [k, p[k]])),
        effectiveDate: todayIso(),
        reason: null,
      };
    }
    return {
      partyMember: false,
      ethnicity: 'KINH',
      leadershipTier: 'NONE',
      status: 'WORKING',
      unitId: props.defaultUnitId ?? null,
    };
  }, [props.mode, props.person, props.defaultUnitId]);

  const submit = (v: Values) => {
    if (props.mode === 'create') {
      create.mutate(
        {
          fullName: v.fullName,
          birthDate: v.birthDate,
          gender: v.gender ?? '',
          ethnicity: v.ethnicity ?? 'KINH',
          personalId: norm(v.personalId) as string | null,
          partyMember: !!v.partyMember,
          partyJoinDate: v.partyMember ? v.partyJoinDate : null,
          category: v.category ?? '',
          rank: v.rank,
          post: norm(v.post) as string | null,
          postCode: v.postCode ?? null,
          leadershipTier: v.leadershipTier ?? 'NONE',
          appointedOn: v.appointedOn,
          unitId: v.unitId ?? 0,
          managementAuthority: v.managementAuthority,
          planningTitle: norm(v.planningTitle) as string | null,
          status: v.status ?? 'WORKING',
          serviceStart: v.serviceStart,
          effectiveDate: v.effectiveDate ?? undefined,
        },
        {
          onSuccess: (p) => {
            message.success(t('created'));
            onSaved(p);
          },
          onError: (err) => onError(err, { form }),
        },
      );
      return;
    }
    const p = props.person;
    // Send only what changed, so the history and the audit log show the real change.
    const body: Record<string, unknown> = {};
    for (const k of PERSON_FIELDS) {
      const next = k === 'partyJoinDate' && !v.partyMember ? null : norm(v[k]);
      if (next !== norm(p[k])) body[k] = next;
    }
    if (Object.keys(body).length === 0) {
      message.info(t('nothingChanged'));
      return;
    }
    update.mutate(
      {
        ...(body as Partial<UpdatePersonInput>),
        version: p.version,
        effectiveDate: v.effectiveDate ?? undefined,
        reason: norm(v.reason) as string | null,
      },
      {
        onSuccess: (saved) => {
          message.success(t('updated'));
          onSaved(saved);
        },
        onError: (err) =>
          onError(err, {
            form,
            conflictMeansStale: true,
            onReload: () => {
              qc.invalidateQueries({ queryKey: peopleKeys.detail(p.id) });
              onClose();
            },
          }),
      },
    );
  };

  const required = [{ required: true, message: t('required') }];
  const pending = create.isPending || update.isPending;
  const half = { xs: 24, sm: 12 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={mode === 'create' ? t('createTitle') : t('editTitle', { name: props.person?.fullName ?? '' })}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
      >
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('sectionIdentity')}
        </Divider>
        <Row gutter={16}>
          <Field
            xs={24}
            sm={16}
            name="fullName"
            label={t('fullName')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 120 }]}
          >
            <Input autoComplete="off" />
          </Field>
          <Field xs={24} sm={8} name="birthDate" label={t('birthDate')}>
            <DateInput noFuture />
          </Field>
          <Field xs={12} sm={8} name="gender" label={t('gender')} rules={required}>
            <CodeSelect list="gender" allowClear={false} />
          </Field>
          <Field xs={12} sm={8} name="ethnicity" label={t('ethnicity')} rules={required}>
            <CodeSelect list="ethnicity" allowClear={false} />
          </Field>
          <Field
            xs={24}
            sm={8}
            name="personalId"
            label={t('personalId')}
            rules={[{ pattern: /^\d{12}$/, message: t('personalIdInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" className="tabular" />
          </Field>
        </Row>
        <Divider titlePlacement="start">{t('sectionParty')}</Divider>
        <Row gutter={16}>
          <Field {...half} name="partyMember" label={t('partyMember')} valuePropName="checked">
            <Switch />
          </Field>
          <Field {...half} name="partyJoinDate" label={t('partyJoinDate')}>
            <DateInput noFuture disabled={!partyMember} />
          </Field>
        </Row>
        <Divider titlePlacement="start">{t('sectionWork')}</Divider>
        <Row gutter={16}>
          <Field span={24} name="unitId" label={t('unit')} rules={required}>
            <UnitTreeSelect allowClear={false} />
          </Field>
          <Field {...half} name="category" label={t('category')} rules={required}>
            <CodeSelect list="category" allowClear={false} at={categoryDate} />
          </Field>
          <Field {...half} name="rank" label={t('rank')}>
            <CodeSelect list="rank" />
          </Field>
          <Field {...half} name="postCode" label={t('post')}>
            <CodeSelect list="post" />
          </Field>
          <Field {...half} name="post" label={t('postNote')} rules={[{ max: 200 }]}>
            <Input />
          </Field>
          <Field {...half} name="leadershipTier" label={t('leadershipTier')} rules={required}>
            <CodeSelect list="leadership_tier" allowClear={false} />
          </Field>
          <Field {...half} name="appointedOn" label={t('appointedOn')}>
            <DateInput noFuture />
          </Field>
          <Field {...half} name="managementAuthority" label={t('managementAuthority')}>
            <CodeSelect list="management_authority" />
          </Field>
          <Field {...half} name="planningTitle" label={t('planningTitle')} rules={[{ max: 200 }]}>
            <Input />
          </Field>
          <Field {...half} name="serviceStart" label={t('serviceStart')}>
            <DateInput noFuture />
          </Field>
          <Field {...half} name="status" label={t('status')} rules={required}>
            <CodeSelect list="status" allowClear={false} />
          </Field>
        </Row>
        <Divider titlePlacement="start">{t('sectionChange')}</Divider>
        <Row gutter={16}>
          <Field
            xs={24}
            sm={10}
            name="effectiveDate"
            label={t('effectiveDate')}
            extra={mode === 'edit' ? t('effectiveDateHelp') : t('createEffectiveHelp')}
            rules={mode === 'edit' ? required : []}
          >
            <DateInput noFuture />
          </Field>
          {mode === 'edit' ? (
            <Field xs={24} sm={14} name="reason" label={t('reason')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} placeholder={t('reasonPlaceholder')} />
            </Field>
          ) : null}
        </Row>
      </Form>
    </Drawer>
  );
}
