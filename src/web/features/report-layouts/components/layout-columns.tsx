import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { LAYOUT_MEASURE_LABELS, LAYOUT_MEASURES } from '../../../../contracts/report-layouts';
import { CodeSelect } from '../../../components/code-select';
import { useLang, useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';
import { MoveButtons } from './move-buttons';

const KEY_RULE = /^[a-z0-9_]{1,30}$/;

/** The measure's own fields: a qualification kind and level, or a programme kind and level. */
function MeasureFields({ name }: { name: number }) {
  const t = useT(layoutsMessages);
  const measure = Form.useWatch(['columns', name, 'measure', 'measure']);
  const kind = Form.useWatch(['columns', name, 'measure', 'kind']);
  const programmeKind = Form.useWatch(['columns', name, 'measure', 'programmeKind']);
  const required = [{ required: true, message: t('required') }];
  if (measure === 'holds')
    return (
      <>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'measure', 'kind']} label={t('qualKind')} rules={required}>
            <CodeSelect list="qualification_kind" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'measure', 'minLevel']} label={t('minLevel')} rules={required}>
            <CodeSelect list={kind ? `level_${kind}` : null} />
          </Form.Item>
        </Col>
      </>
    );
  if (measure === 'trained')
    return (
      <>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'measure', 'programmeKind']} label={t('programmeKind')} rules={required}>
            <CodeSelect list="programme_kind" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'measure', 'level']} label={t('programmeLevel')}>
            <CodeSelect list={programmeKind ? `level_${programmeKind}` : null} />
          </Form.Item>
        </Col>
      </>
    );
  return null;
}

/** The columns of a layout: key, labels, the group header above and the measure. */
export function LayoutColumnsEditor({ disabled }: { disabled: boolean }) {
  const t = useT(layoutsMessages);
  const [lang] = useLang();
  return (
    <Form.List name="columns">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${i + 1}.`}
              extra={
                <MoveButtons
                  index={i}
                  count={fields.length}
                  move={move}
                  remove={remove}
                  disabled={disabled}
                />
              }
            >
              <Row gutter={8}>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[f.name, 'key']}
                    label={t('key')}
                    rules={[{ required: true, pattern: KEY_RULE, message: t('keyPattern') }]}
                  >
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={10}>
                  <Form.Item
                    name={[f.name, 'label', 'vi']}
                    label={t('labelVi')}
                    rules={[{ required: true, message: t('required') }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[f.name, 'label', 'en']} label={t('labelEn')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'group', 'vi']} label={t('groupVi')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'group', 'en']} label={t('groupEn')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[f.name, 'measure', 'measure']}
                    label={t('measure')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={LAYOUT_MEASURES.map((m) => ({
                        value: m,
                        label: LAYOUT_MEASURE_LABELS[m][lang],
                      }))}
                    />
                  </Form.Item>
                </Col>
                <MeasureFields name={f.name} />
              </Row>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() =>
              add({
                key: `cot_${fields.length + 1}`,
                label: { vi: '', en: '' },
                measure: { measure: 'staff' },
              })
            }
          >
            {t('addColumn')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
