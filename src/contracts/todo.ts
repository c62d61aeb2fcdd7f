/**
 * "Việc cần làm": the to-do page an officer lands on (ADR 042). Each entry counts what waits for
 * the actor in their subtree today and links to the screen where it is done; entries the actor's
 * role has no part in are left out, entries with nothing waiting are kept (count 0).
 */
import { z } from 'zod';

export const TODO_KEYS = [
  'nominationsToDecide',
  'myNominationsWaiting',
  'classesOpen',
  'proposalsToSubmit',
  'proposalsToReview',
  'plansToReview',
  'reportsOverdue',
  'classesStarting',
  'standardsDue',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

export const TodoItem = z.object({
  key: z.enum(TODO_KEYS),
  count: z.number(),
  /** The web page where the work is done. */
  link: z.string(),
});

export const Todo = z.object({
  asOf: z.string(),
  /** How many days ahead "starting soon" looks. */
  soonDays: z.number(),
  items: z.array(TodoItem),
});
export type Todo = z.infer<typeof Todo>;
