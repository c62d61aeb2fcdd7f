import {
  App,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import { useMemo } from 'react';
import { ORGANISER_LEVELS, PROGRAMME_MODE_LABELS, PROGRAMME_MODES } from '../../../../contracts/catalogue';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { useCodeLabel, useCodes } from '../../../lib/codes';
import { todayIso } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { type ProgrammeDetail, type TopicDraft, useOverlapCheck, useSaveProgramme } from '../api/programmes';
import { catalogueMessages } from '../messages';
import { OverlapAlert } from './overlap-alert';
import { TopicsEditor } from './topics-editor';

interface Values {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string | null;
  level: string | null;
  periods: number | null;
  mode: (typeof PROGRAMME_MODES)[number];
  grantsKind: string | null;
  grantsLevel: string | null;
  organiserLevels: (typeof ORGANISER_LEVELS)[number][];
  topics: TopicDraft[];
  legalBasis: string | null;
  description: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  active: boolean;
}

function initialOf(p?: ProgrammeDetail): Partial<Values> {
  if (!p)
    return {
      mode: 'in_person',
      organiserLevels: ['province'],
      topics: [],
      effectiveFrom: todayIso(),
      active: true,
      level: null,
      grantsKind: null,
      grantsLevel: null,
    };
  return {
    ...p,
    organiserLevels: p.organiserLevels as Values['organiserLevels'],
    topics: p.topics.map((x) => ({ ...x })),
  };
}

/** Create or edit a programme, with its topics and a live warning about overlapping programmes. */
export function ProgrammeFormDrawer({
  programme,
  onClose,
  onSaved,
}: {
  programme?: ProgrammeDetail;
  onClose: () => void;
  onSaved?: (saved: ProgrammeDetail) => void;
}) {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const save = useSaveProgramme();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const codes = useCodes();
  const label = useCodeLabel();
  const kind = Form.useWatch('kind', form);
  const grantsKind = Form.useWatch('grantsKind', form);
  const periods = Form.useWatch('periods', form);
  const topics = (Form.useWatch('topics', form) ?? []) as TopicDraft[];
  const debouncedTopics = useDebouncedValue(topics, 500);
  const overlap = useOverlapCheck(debouncedTopics ?? [], programme?.id);
  const kindHasLevels = !!kind && (codes.data?.[`level_${kind}`]?.length ?? 0) > 0;
  const initialValues = useMemo(() => initialOf(programme), [programme]);

  const submit = (v: Values) => {
    const body = {
      ...v,
      kind: v.kind ?? '',
      periods: v.periods ?? 0,
      effectiveFrom: v.effectiveFrom ?? '',
      level: kindHasLevels ? (v.level ?? null) : null,
      grantsLevel: v.grantsKind ? v.grantsLevel : null,
      topics: (v.topics ?? []).map((x) => ({
        topicCode: x.topicCode,
        name: x.name ?? '',
        periods: x.periods,
      })),
    };
    save.mutate(
      { id: programme?.id, body },
      {
        onSuccess: (saved) => {
          if (saved.overlaps.length) message.warning(t('savedWithOverlap', { n: saved.overlaps.length }), 6);
          else message.success(programme ? t('updated') : t('created'));
          onSaved?.(saved);
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };

  const required = [{ required: true, message: t('required') }];
  const half = { xs: 24, sm: 12 };
  const organiserOptions = ORGANISER_LEVELS.map((l) => ({ value: l, label: label('unit_level', l) }));

  return (
    <Drawer
      open
      onClose={onClose}
      title={programme ? t('editTitle', { code: programme.code }) : t('createTitle')}
      size={screens.md ? 880 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
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
        <Row gutter={16}>
          <Field
            xs={24}
            sm={8}
            name="code"
            label={t('code')}
            rules={[
              ...required,
              { max: 40 },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/, message: t('topicCodeRule') },
            ]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input autoComplete="off" />
          </Field>
          <Field
            xs={24}
            sm={16}
            name="nameVi"
            label={t('nameVi')}
            rules={[{ ...required[0], whitespace: true }, { max: 300 }]}
          >
            <Input autoComplete="off" />
          </Field>
          <Field
            span={24}
            name="nameEn"
            label={t('nameEn')}
            rules={[{ ...required[0], whitespace: true }, { max: 300 }]}
          >
            <Input autoComplete="off" />
          </Field>
          <Field {...half} name="kind" label={t('kind')} rules={required}>
            <CodeSelect
              list="programme_kind"
              onChange={(v) => form.setFieldsValue({ kind: v, level: null })}
            />
          </Field>
          <Field {...half} name="level" label={t('level')}>
            <CodeSelect list={kindHasLevels ? `level_${kind}` : null} disabled={!kindHasLevels} />
          </Field>
          <Field
            {...half}
            name="periods"
            label={t('periods')}
            rules={required}
            extra={
              periods
                ? t('weeks', { n: (periods / 40).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) })
                : undefined
            }
          >
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Field>
          <Field {...half} name="mode" label={t('mode')} rules={required}>
            <Select
              options={PROGRAMME_MODES.map((m) => ({ value: m, label: PROGRAMME_MODE_LABELS[m][lang] }))}
            />
          </Field>
          <Field
            {...half}
            name="grantsKind"
            label={t('grantsKind')}
            extra={grantsKind ? undefined : t('noGrant')}
          >
            <CodeSelect
              list="qualification_kind"
              onChange={(v) => form.setFieldsValue({ grantsKind: v, grantsLevel: null })}
            />
          </Field>
          <Field {...half} name="grantsLevel" label={t('grantsLevel')} rules={grantsKind ? required : []}>
            <CodeSelect list={grantsKind ? `level_${grantsKind}` : null} disabled={!grantsKind} />
          </Field>
          <Field
            span={24}
            name="organiserLevels"
            label={t('organisers')}
            rules={[{ ...required[0], type: 'array', min: 1 }]}
          >
            <Checkbox.Group options={organiserOptions} />
          </Field>
          <Field {...half} name="effectiveFrom" label={t('effectiveFrom')} rules={required}>
            <DateInput allowClear={false} />
          </Field>
          <Field {...half} name="effectiveTo" label={t('effectiveTo')}>
            <DateInput />
          </Field>
          <Field span={24} name="legalBasis" label={t('legalBasis')} rules={[{ max: 500 }]}>
            <Input autoComplete="off" />
          </Field>
          <Field span={24} name="description" label={t('description')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Field>
          <Field span={24} name="active" label={t('activeLabel')} valuePropName="checked">
            <Switch />
          </Field>
        </Row>
        <Divider titlePlacement="start">{t('topics')}</Divider>
        <TopicsEditor total={periods} />
        <div style={{ marginTop: 16 }} aria-live="polite">
          {debouncedTopics.length ? <OverlapAlert overlaps={overlap.data ?? []} /> : null}
        </div>
      </Form>
    </Drawer>
  );
}
