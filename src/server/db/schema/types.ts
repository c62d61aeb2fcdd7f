import { customType, date, text } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: the materialised path of an org unit ("1.4.27"), used for subtree scoping. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

/** PostgreSQL bytea as a Node Buffer (files kept in the database). */
export const bytea = customType<{ data: Buffer }>({
  dataType() {
    return 'bytea';
  },
});

/**
 * The approving decision of a record (ADR 038, 044): "Quyết định số ...", its date, who signed it
 * and their title. Spread into the tables that record an approval (needs proposals, nominations).
 */
export const decisionColumns = () => ({
  decisionNo: text('decision_no'),
  decisionDate: date('decision_date'),
  signerName: text('signer_name'),
  signerTitle: text('signer_title'),
});
