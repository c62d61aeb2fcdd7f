import { App, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import type { RuleVersion } from '../api/standards';
import { standardsMessages } from '../messages';
import { changedFields } from '../rule-form';
import { CodeField } from './rule-action-modals';
import { LegalSourceFields, PeriodFields, ReviseHint } from './rule-form-parts';

/** What every rule form holds besides its content: the code (new rules) and the period. */
export interface RuleFormBase {
  code?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

interface Props<V extends RuleFormBase, R extends RuleVersion, C extends Record<string, unknown>> {
  revising?: R;
  onClose: () => void;
  onSaved: (rule: R) => void;
  form: FormInstance<V>;
  /** The content the form edits (what a revision may change). */
  toContent: (v: V) => C;
  /** The form's values of a saved rule (the revision starts from them). */
  toValues: (r: R) => Partial<V>;
  /** Create a new rule from its code, period and content (and the values, for what a revision keeps). */
  create: (
    body: { code: string; effectiveFrom: string; effectiveTo: string | null } & C,
    values: V,
  ) => Promise<R>;
  /** Revise from a date, sending only what changed. */
  revise: (id: number, body: { effectiveFrom: string } & Partial<C>) => Promise<R>;
  /** The title of a new rule's dialog. */
  createTitle: string;
  initialValues: Partial<V>;
  onValuesChange: FormProps<V>['onValuesChange'];
  /** The fields between the code and the period. */
  children: ReactNode;
}

/**
 * The dialog both rule forms are (standards and eligibility): a new rule sends its code, period and
 * content; a revision sends only what changed from a date, and the server takes the rest from the
 * version it replaces on that date, which may be newer than the one shown.
 */
export function RuleFormShell<
  V extends RuleFormBase,
  R extends RuleVersion,
  C extends Record<string, unknown>,
>({
  revising,
  onClose,
  onSaved,
  form,
  toContent,
  toValues,
  create,
  revise,
  createTitle,
  initialValues,
  onValuesChange,
  children,
}: Props<V, R, C>) {
  const t = useT(standardsMessages);
  const { message } = App.useApp();

  const submit = async (v: V): Promise<R | false> => {
    const content = toContent(v);
    if (!revising)
      return create(
        {
          code: v.code!.trim(),
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo ?? null,
          ...content,
        },
        v,
      );
    const changes = changedFields(content, toContent(toValues(revising) as V));
    if (Object.keys(changes).length === 0) {
      message.warning(t('nothingChanged'));
      return false;
    }
    return revise(revising.id, { effectiveFrom: v.effectiveFrom, ...changes });
  };

  return (
    <FormModal
      success={(saved: R) => t(revising ? 'revised' : 'created', { code: saved.code })}
      onDone={onSaved}
      title={revising ? t('reviseTitle', { code: revising.code }) : createTitle}
      width={760}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={revising ? toValues(revising) : initialValues}
      formProps={{ onValuesChange }}
      intro={revising ? <ReviseHint rule={revising} /> : null}
    >
      {revising ? null : <CodeField />}
      {children}
      <PeriodFields withEnd={!revising} />
      <LegalSourceFields />
    </FormModal>
  );
}
