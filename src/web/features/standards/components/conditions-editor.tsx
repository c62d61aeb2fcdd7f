import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Row, Select, Typography } from 'antd';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { useCodeOptions } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { standardsMessages } from '../messages';
import { CONDITION_TYPES, type ConditionType } from '../rule-form';
import { SelectorFields } from './rule-form-parts';

/** The server accepts at most this many conditions in one rule. */
export const MAX_CONDITIONS = 20;

const TYPE_KEYS = {
  minServiceYears: 'condTypeMinServiceYears',
  maxAge: 'condTypeMaxAge',
  ratingsAtLeast: 'condTypeRatings',
  partyMember: 'condTypePartyMember',
  minQualification: 'condTypeMinQualification',
  notHolding: 'condTypeNotHolding',
  selector: 'condTypeSelector',
} as const satisfies Record<ConditionType, string>;

/**
 * The conditions of an eligibility rule, all of which must hold. Each row's fields are named as
 * the API names them (`conditions[0].minLevel`), so server errors land on the right field.
 */
export function ConditionsEditor() {
  const t = useT(standardsMessages);
  return (
    <Form.List
      name="conditions"
      rules={[
        {
          validator: async (_, list?: unknown[]) => {
            if (!list?.length) throw new Error(t('conditionsMin'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <ConditionRow
              key={field.key}
              name={field.name}
              n={i + 1}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({})}
            disabled={fields.length >= MAX_CONDITIONS}
          >
            {t('addCondition')}
          </Button>
          {fields.length >= MAX_CONDITIONS ? (
            <Typography.Text type="secondary">{t('conditionsMax', { n: MAX_CONDITIONS })}</Typography.Text>
          ) : null}
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

function ConditionRow({ name, n, onRemove }: { name: number; n: number; onRemove?: () => void }) {
  const t = useT(standardsMessages);
  const form = Form.useFormInstance();
  const type = Form.useWatch(['conditions', name, 'type'], form) as ConditionType | undefined;
  const kind = Form.useWatch(['conditions', name, 'kind'], form) as string | undefined;
  const ratings = useCodeOptions('annual_rating').filter((o) => o.value !== 'FAILED');
  const required = { required: true, message: t('required') };

  return (
    <Card
      size="small"
      role="group"
      aria-label={t('conditionN', { n })}
      title={t('conditionN', { n })}
      style={{ marginBottom: 12 }}
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('removeCondition', { n })}
          title={t('removeCondition', { n })}
          disabled={!onRemove}
          onClick={onRemove}
        />
      }
    >
      <Form.Item name={[name, 'type']} label={t('conditionType')} rules={[required]}>
        <Select options={CONDITION_TYPES.map((c) => ({ value: c, label: t(TYPE_KEYS[c]) }))} />
      </Form.Item>
      {type === 'minServiceYears' ? (
        <Form.Item
          name={[name, 'years']}
          label={t('serviceYears')}
          extra={t('serviceYearsHelp')}
          rules={[required]}
        >
          <InputNumber min={0} max={45} step={1} precision={1} style={{ width: 160 }} />
        </Form.Item>
      ) : null}
      {type === 'maxAge' ? (
        <Form.Item name={[name, 'years']} label={t('maxAgeYears')} extra={t('maxAgeHelp')} rules={[required]}>
          <InputNumber min={18} max={70} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ) : null}
      {type === 'ratingsAtLeast' ? (
        <Row gutter={16}>
          <Field
            xs={24}
            sm={14}
            name={[name, 'rating']}
            label={t('minRating')}
            extra={t('minRatingHelp')}
            rules={[required]}
          >
            <Select options={ratings} />
          </Field>
          <Field xs={24} sm={10} name={[name, 'years']} label={t('ratingYears')} rules={[required]}>
            <InputNumber min={1} max={10} precision={0} style={{ width: 120 }} />
          </Field>
        </Row>
      ) : null}
      {type === 'partyMember' ? (
        <Typography.Paragraph type="secondary">{t('partyMemberHelp')}</Typography.Paragraph>
      ) : null}
      {type === 'minQualification' || type === 'notHolding' ? (
        <Row gutter={16}>
          <Field xs={24} sm={12} name={[name, 'kind']} label={t('kind')} rules={[required]}>
            <CodeSelect list="qualification_kind" allowClear={false} />
          </Field>
          <Field
            xs={24}
            sm={12}
            name={[name, 'minLevel']}
            label={t('minLevel')}
            extra={type === 'notHolding' ? t('notHoldingHelp') : t('minLevelHelp')}
            rules={[required]}
          >
            <CodeSelect
              list={kind ? `level_${kind}` : null}
              placeholder={kind ? undefined : t('pickKindFirst')}
              disabled={!kind}
              allowClear={false}
            />
          </Field>
        </Row>
      ) : null}
      {type === 'selector' ? (
        <>
          <Alert type="info" title={t('selectorHelp')} style={{ marginBottom: 12 }} />
          <SelectorFields
            prefix={[name, 'selector']}
            requireOne={{ message: t('selectorEmpty'), path: ['conditions', name, 'selector'] }}
          />
        </>
      ) : null}
    </Card>
  );
}
