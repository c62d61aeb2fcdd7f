import { Col, Form, type FormItemProps } from 'antd';

interface Props extends Omit<FormItemProps, 'required'> {
  /** The message shown when the field is left empty (the field is then required). */
  required?: string;
  /** Grid widths: given any, the field stands in a Col of the form's Row. */
  span?: number;
  xs?: number;
  sm?: number;
  md?: number;
  lg?: number;
  xl?: number;
}

/**
 * One field of a form: a Form.Item, required with its message when `required` says so, in a grid
 * column when given widths. `<Field span={12} name="code" label={t('code')} required={t('required')}>`.
 */
export function Field({ required, rules, span, xs, sm, md, lg, xl, ...item }: Props) {
  const all = required ? [{ required: true, message: required }, ...(rules ?? [])] : rules;
  const el = <Form.Item {...item} rules={all} />;
  const col = { span, xs, sm, md, lg, xl };
  return Object.values(col).some((v) => v !== undefined) ? <Col {...col}>{el}</Col> : el;
}
