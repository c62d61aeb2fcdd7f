import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { ORG_LEVEL_LABELS, ORG_LEVELS } from '../../../../contracts/reports';
import { useLang, useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';
import { CodeMultiSelect } from './code-multi-select';
import { MoveButtons } from './move-buttons';

const KEY_RULE = /^[a-z0-9_]{1,30}$/;

/** The rows of a layout: key, labels, indent and the selector (empty lists = any). */
export function LayoutRowsEditor({ disabled }: { disabled: boolean }) {
  const t = useT(layoutsMessages);
  const [lang] = useLang();
  return (
    <Form.List name="rows">
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
                <Col xs={12} md={3}>
                  <Form.Item name={[f.name, 'depth']} label={t('depth')}>
                    <InputNumber min={0} max={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[f.name, 'label', 'vi']}
                    label={t('labelVi')}
                    rules={[{ required: true, message: t('required') }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[f.name, 'label', 'en']} label={t('labelEn')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'selector', 'category']} label={t('category')}>
                    <CodeMultiSelect list="category" placeholder={t('any')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'selector', 'level']} label={t('level')}>
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('any')}
                      options={ORG_LEVELS.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l][lang] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'selector', 'rank']} label={t('rank')}>
                    <CodeMultiSelect list="rank" placeholder={t('any')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'selector', 'leadershipTier']} label={t('tier')}>
                    <CodeMultiSelect list="leadership_tier" placeholder={t('any')} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() =>
              add({ key: `dong_${fields.length + 1}`, depth: 0, label: { vi: '', en: '' }, selector: {} })
            }
          >
            {t('addRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
