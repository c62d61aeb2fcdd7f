import { customType } from 'drizzle-orm/pg-core';

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
