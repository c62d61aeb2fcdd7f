import {
  Alert,
  App,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Grace, LegalSource, RuleRequirement, RuleSelector } from '../../../../contracts/rules';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { useMe } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type StandardRule, useCreateRule, useReviseRule } from '../api/standards';
import { standardsMessages } from '../messages';
import { CodeField, TitleFields } from './rule-action-modals';
import { MultiCodeSelect, useChangeTarget } from './rule-bits';

interface Values {
  code?: string;
  titleVi: string;
  titleEn: string;
  appliesTo: {
    category?: string[];
    rank?: string[];
    leadershipTier?: string[];
    unitLevel?: string[];
    postContains?: string[];
  };
  requirement: {
    type: 'qualification' | 'annual_periods';
    kind?: string | null;
    minLevel?: string | null;
    minPeriods?: number | null;
  };
  hasGrace: boolean;
  grace?: { from?: Grace['from']; months?: number | null };
  effectiveFrom: string;
  effectiveTo?: string | null;
  legalSource: { document: string; article?: string; url?: string; note?: string };
}

const SELECTOR_FIELDS = ['category', 'rank', 'leadershipTier', 'unitLevel', 'postContains'] as const;

/** The typed rule from the form: empty selector fields and optional texts left out. */
function toRule(v: Values) {
  const appliesTo: RuleSelector = {};
  for (const f of SELECTOR_FIELDS) {
    const list = (v.appliesTo?.[f] ?? []).map((x) => x.trim()).filter(Boolean);
    if (list.length) appliesTo[f] = list;
  }
  const requirement: RuleRequirement =
    v.requirement.type === 'annual_periods'
      ? { type: 'annual_periods', minPeriods: v.requirement.minPeriods ?? 0 }
      : { type: 'qualification', kind: v.requirement.kind ?? '', minLevel: v.requirement.minLevel ?? '' };
  const grace: Grace | null =
    v.hasGrace && v.grace?.from && v.grace.months ? { from: v.grace.from, months: v.grace.months } : null;
  const src = v.legalSource;
  const legalSource: LegalSource = { document: src.document.trim() };
  for (const k of ['article', 'url', 'note'] as const) if (src[k]?.trim()) legalSource[k] = src[k]!.trim();
  return {
    titleVi: v.titleVi.trim(),
    titleEn: v.titleEn.trim(),
    appliesTo,
    requirement,
    grace,
    legalSource,
  };
}

function toValues(r: StandardRule): Partial<Values> {
  return {
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    appliesTo: { ...r.appliesTo },
    requirement: { ...r.requirement },
    hasGrace: !!r.grace,
    grace: r.grace ?? { from: 'appointedOn', months: 12 },
    legalSource: { ...r.legalSource },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Add a province's own rule, or revise one from a date (`revising`). A revision sends only what
 * changed: the server takes the rest from the version it replaces on that date, which may be
 * newer than the one shown.
 */
export function RuleFormModal({
  revising,
  onClose,
  onSaved,
}: {
  revising?: StandardRule;
  onClose: () => void;
  onSaved: (rule: StandardRule) => void;
}) {
  const t = useT(standardsMessages);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const reqType = Form.useWatch(['requirement', 'type'], form);
  const kind = Form.useWatch(['requirement', 'kind'], form);
  const hasGrace = Form.useWatch('hasGrace', form);
  const create = useCreateRule();
  const revise = useReviseRule();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    const rule = toRule(v);
    const done = {
      onSuccess: (saved: StandardRule) => {
        message.success(t(revising ? 'revised' : 'created', { code: saved.code }));
        onSaved(saved);
        onClose();
      },
      onError: (err: unknown) => onError(err, { form }),
    };
    if (!revising) {
      create.mutate(
        {
          code: v.code!.trim(),
          ...rule,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo ?? null,
        },
        done,
      );
      return;
    }
    const before = toRule(toValues(revising) as Values);
    const changes = Object.fromEntries(
      Object.entries(rule).filter(([k, val]) => !same(val, before[k as keyof typeof before])),
    );
    if (Object.keys(changes).length === 0) {
      message.warning(t('nothingChanged'));
      return;
    }
    revise.mutate({ id: revising.id, body: { effectiveFrom: v.effectiveFrom, ...changes } }, done);
  };

  return (
    <Modal
      open
      title={
        revising ? t('reviseTitle', { code: revising.code }) : t('createTitle', { unit: me.scopeUnitName })
      }
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending || revise.isPending}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {revising ? <ReviseHint rule={revising} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          revising
            ? toValues(revising)
            : {
                requirement: { type: 'qualification' },
                hasGrace: false,
                grace: { from: 'appointedOn', months: 12 },
              }
        }
        onValuesChange={(changed: Partial<Values>) => {
          // Levels belong to a kind: a new kind empties the level.
          if (changed.requirement && 'kind' in changed.requirement)
            form.setFieldValue(['requirement', 'minLevel'], null);
        }}
      >
        {revising ? null : <CodeField />}
        <TitleFields />

        <Divider titlePlacement="start">{t('sectionAppliesTo')}</Divider>
        <Alert type="info" title={t('appliesToHelp')} style={{ marginBottom: 12 }} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name={['appliesTo', 'category']} label={t('category')}>
              <MultiCodeSelect list="category" placeholder={t('all')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['appliesTo', 'rank']} label={t('rank')}>
              <MultiCodeSelect list="rank" placeholder={t('all')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['appliesTo', 'leadershipTier']} label={t('leadershipTier')}>
              <MultiCodeSelect list="leadership_tier" placeholder={t('all')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['appliesTo', 'unitLevel']} label={t('unitLevel')}>
              <MultiCodeSelect list="unit_level" placeholder={t('all')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={['appliesTo', 'postContains']}
              label={t('postContains')}
              extra={t('postContainsHelp')}
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ';']} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('sectionRequirement')}</Divider>
        <Form.Item name={['requirement', 'type']} label={t('requirementType')}>
          <Radio.Group
            options={[
              { value: 'qualification', label: t('reqTypeQualification') },
              { value: 'annual_periods', label: t('reqTypePeriods') },
            ]}
          />
        </Form.Item>
        {reqType === 'annual_periods' ? (
          <Form.Item
            name={['requirement', 'minPeriods']}
            label={t('minPeriods')}
            extra={t('minPeriodsHelp')}
            rules={[{ required: true, message: t('required') }]}
          >
            <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['requirement', 'kind']}
                label={t('kind')}
                rules={[{ required: true, message: t('required') }]}
              >
                <CodeSelect list="qualification_kind" allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['requirement', 'minLevel']}
                label={t('minLevel')}
                extra={t('minLevelHelp')}
                rules={[{ required: true, message: t('required') }]}
              >
                <CodeSelect
                  list={kind ? `level_${kind}` : null}
                  placeholder={kind ? undefined : t('pickKindFirst')}
                  disabled={!kind}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="hasGrace" valuePropName="checked" style={{ marginBottom: hasGrace ? 8 : 24 }}>
          <Checkbox>{t('hasGrace')}</Checkbox>
        </Form.Item>
        {hasGrace ? (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name={['grace', 'from']} label={t('graceFrom')} rules={[{ required: true }]}>
                <Select
                  options={[
                    { value: 'appointedOn', label: t('graceAppointedOn') },
                    { value: 'serviceStart', label: t('graceServiceStart') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['grace', 'months']}
                label={t('graceMonths')}
                rules={[{ required: true, message: t('required') }]}
              >
                <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}

        <Divider titlePlacement="start">{t('sectionPeriod')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="effectiveFrom"
              label={t('effectiveFrom')}
              rules={[{ required: true, message: t('required') }]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          {revising ? null : (
            <Col xs={24} sm={12}>
              <Form.Item name="effectiveTo" label={t('effectiveTo')} extra={t('effectiveToHelp')}>
                <DateInput />
              </Form.Item>
            </Col>
          )}
        </Row>

        <Divider titlePlacement="start">{t('sectionSource')}</Divider>
        <Form.Item
          name={['legalSource', 'document']}
          label={t('document')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
        >
          <Input placeholder={t('documentPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name={['legalSource', 'article']} label={t('article')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['legalSource', 'url']}
              label={t('url')}
              rules={[{ type: 'url', message: t('urlInvalid') }, { max: 500 }]}
            >
              <Input inputMode="url" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['legalSource', 'note']} label={t('sourceNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviseHint({ rule }: { rule: StandardRule }) {
  const t = useT(standardsMessages);
  const target = useChangeTarget(rule);
  return (
    <Alert
      type={target.override ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        target.override
          ? t('reviseOverrideHint', { owner: target.owner, unit: target.unit })
          : t('reviseOwnHint')
      }
    />
  );
}
