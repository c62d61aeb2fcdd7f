import { describe, expect, it } from 'vitest';
import { fieldPath } from './form-errors';

describe('fieldPath', () => {
  it('turns API field names into antd form name paths', () => {
    expect(fieldPath('birthDate')).toEqual(['birthDate']);
    expect(fieldPath('parts[1].name')).toEqual(['parts', 1, 'name']);
    expect(fieldPath('newUnit.parentId')).toEqual(['newUnit', 'parentId']);
    expect(fieldPath('/body/fullName')).toEqual(['fullName']);
    expect(fieldPath('body')).toEqual([]);
  });
});
