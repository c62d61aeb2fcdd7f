import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Tooltip, Typography } from 'antd';
import { Field } from '../../../kit/field';
import { useT } from '../../../lib/i18n';
import { catalogueMessages } from '../messages';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;

/**
 * The ordered topics of a programme inside the programme form (`topics` field): code, name and
 * periods per row, moved up or down, with the running total against the programme's duration.
 */
export function TopicsEditor({ total }: { total: number | null | undefined }) {
  const t = useT(catalogueMessages);
  const form = Form.useFormInstance();
  const topics = (Form.useWatch('topics', form) ?? []) as { periods?: number }[];
  const sum = topics.reduce((s, x) => s + (Number(x?.periods) || 0), 0);
  const over = total ? sum > total : false;

  return (
    <Form.List name="topics">
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.length === 0 ? <Typography.Text type="secondary">{t('noTopics')}</Typography.Text> : null}
          {fields.map((field, i) => (
            <fieldset key={field.key} aria-label={t('topicRow', { n: i + 1 })} className="topic-row">
              <Row gutter={8} align="top" wrap={false}>
                <Col flex="none" style={{ width: 28, paddingTop: 6, textAlign: 'right' }}>
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                </Col>
                <Col flex="160px">
                  <Form.Item
                    name={[field.name, 'topicCode']}
                    label={t('topicCode')}
                    rules={[
                      { required: true, whitespace: true, message: t('required') },
                      { pattern: CODE_PATTERN, message: t('topicCodeRule') },
                      { max: 40 },
                    ]}
                    normalize={(v: string) => v?.toUpperCase()}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('topicName')}
                    rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col flex="100px">
                  <Field name={[field.name, 'periods']} label={t('topicPeriods')} required={t('required')}>
                    <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
                  </Field>
                </Col>
                <Col flex="none" style={{ paddingTop: 30 }}>
                  <Flex gap={0}>
                    <Tooltip title={t('moveUp', { n: i + 1 })}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('moveUp', { n: i + 1 })}
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('moveDown', { n: i + 1 })}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('moveDown', { n: i + 1 })}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, i + 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('removeTopic', { n: i + 1 })}>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('removeTopic', { n: i + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </Tooltip>
                  </Flex>
                </Col>
              </Row>
            </fieldset>
          ))}
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 4 }}>
            <Button icon={<PlusOutlined />} onClick={() => add({ topicCode: '', name: '', periods: 4 })}>
              {t('addTopic')}
            </Button>
            <Typography.Text type={over ? 'danger' : 'secondary'} className="tabular">
              {t('topicsTotal', {
                sum: sum.toLocaleString('vi-VN'),
                total: (total ?? 0).toLocaleString('vi-VN'),
              })}
              {over ? ` — ${t('topicsOver')}` : ''}
            </Typography.Text>
          </Flex>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
