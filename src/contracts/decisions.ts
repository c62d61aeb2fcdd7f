/**
 * The approving decision of a plan, a needs proposal or a nomination (ADR 038, 044):
 * "Quyết định số ...", its date, who signed it and their title. Optional at approval unless the
 * policy `approvals.decision_required` in force says so; the server checks the rest (a number with
 * a digit, a date not after today, a signer's name with letters).
 */
import { z } from 'zod';
import { IsoDate, OptionalText } from './common';

export const DecisionFields = {
  decisionNo: OptionalText(60),
  decisionDate: IsoDate.nullable().optional(),
  signerName: OptionalText(120),
  signerTitle: OptionalText(120),
};
const DecisionInputSchema = z.object(DecisionFields);
export type DecisionInput = z.input<typeof DecisionInputSchema>;

/** The decision as recorded (all null when none was given). */
export const Decision = z.object({
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const NO_DECISION: Decision = {
  decisionNo: null,
  decisionDate: null,
  signerName: null,
  signerTitle: null,
};
