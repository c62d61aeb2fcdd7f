import { App, Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../lib/i18n';
import { useApiErrorHandler } from '../lib/use-api-error';
import { submitForm } from './submit-form';

interface Props<V, R> extends Omit<ModalProps, 'open' | 'onOk' | 'onCancel' | 'confirmLoading' | 'children'> {
  onClose: () => void;
  /** The form, when the caller needs it (Form.useWatch, setFieldsValue); else one is made here. */
  form?: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  /** Other props of the Form (requiredMark, onValuesChange...). */
  formProps?: Omit<FormProps<V>, 'form' | 'initialValues' | 'children'>;
  /** Send the checked values (a mutation's mutateAsync); resolving closes the modal, `false` keeps it open. */
  submit: (values: V) => Promise<R | false>;
  /** Said once it is saved. */
  success?: string | ((result: R) => string);
  /** After closing (e.g. go to what was created). */
  onDone?: (result: R) => void;
  /** Called with a server error before it is shown; answering true means it was dealt with here. */
  onFailed?: (err: unknown) => unknown;
  /** How server errors map to the fields (see useApiErrorHandler). */
  errorOptions?: { fieldMap?: Record<string, (string | number)[] | string>; conflictMeansStale?: boolean };
  /** Shown above the form. */
  intro?: ReactNode;
  /** Shown below the form (warnings, a hint). */
  after?: ReactNode;
  children: ReactNode;
}

/**
 * The form modal every create/edit dialog is: a vertical Form in a Modal (OK "Lưu", "Hủy" unless
 * told otherwise). OK checks the fields, sends once (OK spins meanwhile), then says `success`,
 * closes and calls `onDone`; a server error `{error:{code,message,details}}` marks its fields in
 * the form and shows the rest in a notification.
 */
export function FormModal<V, R = unknown>({
  onClose,
  form: given,
  initialValues,
  formProps,
  submit,
  success,
  onDone,
  errorOptions,
  onFailed,
  intro,
  after,
  children,
  ...modal
}: Props<V, R>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  // The form's own name prefixes its fields' ids, so a field never shares an id (and its label) with a
  // field of the page behind the dialog (the code list's "Mã" and its alias form's "Mã").
  const name = useId();
  const form = given ?? own;
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const onOk = () =>
    submitForm({
      validate: () => form.validateFields(),
      send: submit,
      setBusy,
      onError: (err) => {
        if (onFailed?.(err) === true) return;
        onError(err, { form, ...errorOptions });
      },
      onSuccess: (result) => {
        if (success) message.success(typeof success === 'string' ? success : success(result));
        onClose();
        onDone?.(result);
      },
    });
  return (
    <Modal
      open
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={busy}
      {...modal}
    >
      {intro}
      <Form<V> form={form} name={name} layout="vertical" initialValues={initialValues} {...formProps}>
        {children}
      </Form>
      {after}
    </Modal>
  );
}
