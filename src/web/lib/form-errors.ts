import type { FormInstance } from 'antd';
import type { FieldError } from './api-client';

type NamePath = (string | number)[];

/** `parts[1].name` -> ['parts', 1, 'name']; `body.birthDate` or `/body/birthDate` -> ['birthDate']. */
export function fieldPath(field: string): NamePath {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts;
}

const samePath = (a: NamePath, b: NamePath) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Put server field errors next to the form fields. `map` renames API fields to form names
 * where they differ. Returns the errors no field could show (to list in the notification).
 */
export function applyFieldErrors(
  form: FormInstance | undefined,
  fields: FieldError[],
  map: Record<string, NamePath | string> = {},
): FieldError[] {
  if (!form || fields.length === 0) return fields;
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const shown: { name: NamePath; errors: string[] }[] = [];
  const rest: FieldError[] = [];
  for (const f of fields) {
    const mapped = map[f.field];
    const name = mapped === undefined ? fieldPath(f.field) : typeof mapped === 'string' ? [mapped] : mapped;
    if (name.length > 0 && registered.some((r) => samePath(r, name))) {
      const existing = shown.find((s) => samePath(s.name, name));
      if (existing) existing.errors.push(f.message);
      else shown.push({ name, errors: [f.message] });
    } else {
      rest.push(f);
    }
  }
  if (shown.length) {
    form.setFields(shown);
    form.scrollToField(shown[0].name, { block: 'center' });
  }
  return rest;
}
