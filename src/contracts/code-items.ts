import { z } from 'zod';
import { RequiredText } from './common';

export const CodeItem = z.object({
  list: z.string(),
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  sort: z.number(),
  meta: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  builtIn: z.boolean(),
});
export type CodeItem = z.infer<typeof CodeItem>;

export const CreateCodeItemBody = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/),
  labelVi: RequiredText(200),
  labelEn: RequiredText(200),
  sort: z.number().int().min(0).max(10000).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export const UpdateCodeItemBody = z.object({
  labelVi: RequiredText(200).optional(),
  labelEn: RequiredText(200).optional(),
  sort: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
});
