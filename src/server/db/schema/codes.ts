import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/** Every code list (categories, ranks, levels...) in one table; admins can extend it. */
export const codeItems = pgTable(
  'code_items',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    sort: integer('sort').notNull().default(0),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    builtIn: boolean('built_in').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);

/**
 * Other ways offices write a code in a sheet ("Cao cấp LLCT", "B1", "Tốt"), per list (ADR 028).
 * `aliasKey` is the normalised text (NFC, accents and case dropped, spaces collapsed). A deleted
 * alias keeps its row (`deletedAt`), so the default aliases the bootstrap inserts stay deleted.
 */
export const codeAliases = pgTable(
  'code_aliases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    list: text('list').notNull(),
    code: text('code').notNull(),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('code_aliases_list_key_uq').on(t.list, t.aliasKey),
    foreignKey({ columns: [t.list, t.code], foreignColumns: [codeItems.list, codeItems.code] }).onUpdate(
      'cascade',
    ),
  ],
);

/**
 * How an old staff category reads from a date on (ADR 043): `fromCode` of list `category` is read
 * as `toCode` from `effectiveFrom`, for people of post group `postGroup` (null: any group; the
 * rule naming the group wins). Reports whose period straddles the date and the backfill use it.
 */
export const categoryMappings = pgTable(
  'category_mappings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    fromCode: text('from_code').notNull(),
    postGroup: text('post_group'),
    toCode: text('to_code').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    source: text('source').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('category_mappings_rule_uq').on(
      t.fromCode,
      sql`coalesce(${t.postGroup}, '')`,
      t.effectiveFrom,
    ),
  ],
);
