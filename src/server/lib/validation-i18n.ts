import type { FieldError } from './errors';

/** One Zod issue as fastify-type-provider-zod reports it. */
interface IssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  int: 'số nguyên',
};

/** Field name from a path such as "/body/birthDate" -> "birthDate", "/items/0/code" -> "items[0].code". */
function fieldName(path: string, context?: string): string {
  const parts = path.split('/').filter(Boolean);
  const name = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return name || context || 'body';
}

/** Turn one Zod issue into a message in Vietnamese and English that names the field. */
export function localizeIssue(issue: IssueLike, context?: string): FieldError {
  const field = fieldName(issue.instancePath, context);
  const p = issue.params;
  const custom = p.params as { vi?: string; en?: string } | undefined;
  if (custom?.vi && custom.en) return { field, message: { vi: custom.vi, en: custom.en } };
  switch (issue.keyword) {
    case 'invalid_type': {
      const expected = String(p.expected ?? '');
      if (/received undefined/.test(issue.message) || p.input === undefined)
        return { field, message: { vi: 'bắt buộc nhập', en: 'is required' } };
      return {
        field,
        message: { vi: `phải là ${TYPE_VI[expected] ?? expected}`, en: `must be a ${expected}` },
      };
    }
    case 'too_big': {
      const max = p.maximum;
      if (p.origin === 'string')
        return { field, message: { vi: `dài tối đa ${max} ký tự`, en: `must be at most ${max} characters` } };
      if (p.origin === 'array')
        return { field, message: { vi: `tối đa ${max} phần tử`, en: `must have at most ${max} items` } };
      return { field, message: { vi: `không được lớn hơn ${max}`, en: `must be at most ${max}` } };
    }
    case 'too_small': {
      const min = p.minimum;
      if (p.origin === 'string')
        return min === 1
          ? { field, message: { vi: 'không được để trống', en: 'must not be empty' } }
          : {
              field,
              message: { vi: `dài tối thiểu ${min} ký tự`, en: `must be at least ${min} characters` },
            };
      if (p.origin === 'array')
        return {
          field,
          message: { vi: `cần ít nhất ${min} phần tử`, en: `must have at least ${min} items` },
        };
      return { field, message: { vi: `không được nhỏ hơn ${min}`, en: `must be at least ${min}` } };
    }
    case 'invalid_format':
      if (p.format === 'date')
        return {
          field,
          message: { vi: 'ngày không hợp lệ (yyyy-mm-dd)', en: 'is not a valid date (yyyy-mm-dd)' },
        };
      if (p.format === 'regex')
        return { field, message: { vi: 'sai định dạng', en: 'has the wrong format' } };
      return { field, message: { vi: `sai định dạng ${p.format}`, en: `is not a valid ${p.format}` } };
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values.join(', ') : '';
      return { field, message: { vi: `phải là một trong: ${values}`, en: `must be one of: ${values}` } };
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.join(', ') : '';
      return { field, message: { vi: `trường không được phép: ${keys}`, en: `unknown fields: ${keys}` } };
    }
    default:
      return { field, message: { vi: 'không hợp lệ', en: `is invalid (${issue.message})` } };
  }
}
