import { Alert, Divider, Form, Input, Row, Select } from 'antd';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { useT } from '../../../lib/i18n';
import type { RuleVersion } from '../api/standards';
import { standardsMessages } from '../messages';
import { isEmptySelector, SELECTOR_FIELDS } from '../rule-form';
import { MultiCodeSelect, useChangeTarget } from './rule-bits';

type NamePath = (string | number)[];

/**
 * Who a rule (or an eligibility condition) is about: category, rank, tier, unit level, post group
 * and post (code lists, ADR 048), and the old words of the post (kept so older rules stay editable). `prefix` is where the selector sits in the form (relative inside a Form.List).
 * `requireOne`: refuse an empty selector (an empty eligibility group would match everyone), with
 * the selector's full path in the form (dependencies and values are read by full path); the
 * message shows on the first field.
 */
export function SelectorFields({
  prefix,
  requireOne,
}: {
  prefix: NamePath;
  requireOne?: { message: string; path: NamePath };
}) {
  const t = useT(standardsMessages);
  const form = Form.useFormInstance();
  const full = requireOne?.path ?? prefix;
  return (
    <Row gutter={16}>
      <Field
        xs={24}
        sm={12}
        name={[...prefix, 'category']}
        label={t('category')}
        dependencies={requireOne ? SELECTOR_FIELDS.slice(1).map((f) => [...full, f]) : undefined}
        rules={
          requireOne
            ? [
                {
                  validator: async () => {
                    if (isEmptySelector(form.getFieldValue(full))) throw new Error(requireOne.message);
                  },
                },
              ]
            : undefined
        }
      >
        <MultiCodeSelect list="category" placeholder={t('all')} />
      </Field>
      <Field xs={24} sm={12} name={[...prefix, 'rank']} label={t('rank')}>
        <MultiCodeSelect list="rank" placeholder={t('all')} />
      </Field>
      <Field xs={24} sm={12} name={[...prefix, 'leadershipTier']} label={t('leadershipTier')}>
        <MultiCodeSelect list="leadership_tier" placeholder={t('all')} />
      </Field>
      <Field xs={24} sm={12} name={[...prefix, 'unitLevel']} label={t('unitLevel')}>
        <MultiCodeSelect list="unit_level" placeholder={t('all')} />
      </Field>
      <Field xs={24} sm={12} name={[...prefix, 'postGroup']} label={t('postGroup')}>
        <MultiCodeSelect list="post_group" placeholder={t('all')} />
      </Field>
      <Field xs={24} sm={12} name={[...prefix, 'postCode']} label={t('postCode')}>
        <MultiCodeSelect list="post" placeholder={t('all')} />
      </Field>
      <Field
        span={24}
        name={[...prefix, 'postContains']}
        label={t('postContains')}
        extra={t('postContainsHelp')}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ';']} />
      </Field>
    </Row>
  );
}

/** From when (and, for a new rule, until when) it holds. */
export function PeriodFields({ withEnd }: { withEnd: boolean }) {
  const t = useT(standardsMessages);
  return (
    <>
      <Divider titlePlacement="start">{t('sectionPeriod')}</Divider>
      <Row gutter={16}>
        <Field xs={24} sm={12} name="effectiveFrom" label={t('effectiveFrom')} required={t('required')}>
          <DateInput />
        </Field>
        {withEnd ? (
          <Field xs={24} sm={12} name="effectiveTo" label={t('effectiveTo')} extra={t('effectiveToHelp')}>
            <DateInput />
          </Field>
        ) : null}
      </Row>
    </>
  );
}

/** The document a rule rests on; checked here as the server checks it. */
export function LegalSourceFields() {
  const t = useT(standardsMessages);
  return (
    <>
      <Divider titlePlacement="start">{t('sectionSource')}</Divider>
      <Form.Item
        name={['legalSource', 'document']}
        label={t('document')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
      >
        <Input placeholder={t('documentPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Field xs={24} sm={12} name={['legalSource', 'article']} label={t('article')} rules={[{ max: 100 }]}>
          <Input />
        </Field>
        <Field
          xs={24}
          sm={12}
          name={['legalSource', 'url']}
          label={t('url')}
          rules={[{ type: 'url', message: t('urlInvalid') }, { max: 500 }]}
        >
          <Input inputMode="url" />
        </Field>
      </Row>
      <Form.Item name={['legalSource', 'note']} label={t('sourceNote')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** Where a revision lands: in place, or (a rule from above) as an override for the user's subtree. */
export function ReviseHint({ rule }: { rule: RuleVersion }) {
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
