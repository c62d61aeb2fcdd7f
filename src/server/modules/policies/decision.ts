/**
 * The approving decision (ADR 044): one check for plans, needs proposals and nominations, called
 * by their approving services, so the API, bulk approvals, imports and the CLI are held alike.
 * The decision is optional unless the policy `approvals.decision_required` in force for the unit
 * on the day says so; what is given must hold together: a number with a digit ("245/QĐ-UBND"),
 * a date not after today, a signer's name with letters; a date or signer needs the number.
 */
import { type Decision, type DecisionInput, NO_DECISION } from '../../../contracts/decisions';
import type { Queryable } from '../../db/client';
import { type FieldError, fieldError, invalid } from '../../lib/errors';
import { policyAt } from './policies';

const clean = (v: string | null | undefined) => {
  const t = v?.normalize('NFC').trim();
  return t ? t : null;
};

/** The field errors of a decision, given whether the policy requires one (pure; for tests and imports). */
export function decisionErrors(d: Decision, o: { required: boolean; today: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (o.required) {
    if (!d.decisionNo)
      errors.push(fieldError('decisionNo', 'cần ghi số quyết định', 'the decision number is required'));
    if (!d.decisionDate)
      errors.push(fieldError('decisionDate', 'cần ghi ngày quyết định', 'the decision date is required'));
    if (!d.signerName)
      errors.push(fieldError('signerName', 'cần ghi người ký quyết định', 'the signer is required'));
  } else if (!d.decisionNo && (d.decisionDate || d.signerName || d.signerTitle))
    errors.push(
      fieldError(
        'decisionNo',
        'cần ghi số quyết định khi đã ghi ngày hoặc người ký',
        'give the decision number with its date or signer',
      ),
    );
  if (d.decisionNo && !/\d/.test(d.decisionNo))
    errors.push(
      fieldError(
        'decisionNo',
        'số quyết định phải có chữ số (ví dụ 245/QĐ-UBND)',
        'the decision number must contain a digit (e.g. 245/QĐ-UBND)',
      ),
    );
  if (d.decisionDate && d.decisionDate > o.today)
    errors.push(
      fieldError(
        'decisionDate',
        'ngày quyết định không được sau hôm nay',
        'the decision date cannot be in the future',
      ),
    );
  if (d.signerName && !/\p{L}/u.test(d.signerName))
    errors.push(fieldError('signerName', 'tên người ký phải có chữ', 'the signer name must contain letters'));
  if (d.signerTitle && !d.signerName)
    errors.push(
      fieldError(
        'signerName',
        'cần ghi tên người ký khi đã ghi chức vụ',
        'give the signer name with their title',
      ),
    );
  return errors;
}

/** Normalise (NFC, trimmed, empty as null) without checking. */
export function decisionOf(input: DecisionInput | null | undefined): Decision {
  if (!input) return { ...NO_DECISION };
  return {
    decisionNo: clean(input.decisionNo),
    decisionDate: input.decisionDate ?? null,
    signerName: clean(input.signerName),
    signerTitle: clean(input.signerTitle),
  };
}

/** Whether the policy in force for the unit on the day requires the decision. */
export async function decisionRequired(q: Queryable, unitPath: string, date: string): Promise<boolean> {
  return (await policyAt(q, 'approvals.decision_required', date, unitPath)).value;
}

/** Check a decision for the unit on the day; 400 with field errors, else the decision to store. */
export async function checkDecision(
  q: Queryable,
  input: DecisionInput | null | undefined,
  o: { unitPath: string; today: string },
): Promise<Decision> {
  const d = decisionOf(input);
  const errors = decisionErrors(d, {
    required: await decisionRequired(q, o.unitPath, o.today),
    today: o.today,
  });
  if (errors.length) throw invalid(errors);
  return d;
}
