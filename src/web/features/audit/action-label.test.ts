import { describe, expect, it } from 'vitest';
import { actionChoiceLabel, actionLabel, entityLabel } from './action-label';

describe('audit actions in words', () => {
  it('names whole actions, verbs with what they act on, and keeps an unknown action as recorded', () => {
    expect(actionLabel('auth.login', 'vi')).toBe('Đăng nhập');
    expect(actionLabel('auth.login', 'en')).toBe('Log in');
    expect(actionLabel('class.session.create', 'vi')).toBe('Tạo mới buổi học');
    expect(actionLabel('person.update', 'en')).toBe('Edit staff record');
    expect(actionLabel('approve', 'vi')).toBe('Phê duyệt');
    expect(actionLabel('abroad.member.remove', 'vi')).toBe('Bỏ thành viên');
    expect(actionLabel('widget.frobnicate', 'vi')).toBe('widget.frobnicate');
    expect(actionLabel('widget.create', 'en')).toBe('Create');
  });

  it('names record kinds and action prefixes in words', () => {
    expect(entityLabel('org_unit', 'vi')).toBe('Đơn vị');
    expect(entityLabel('code_item', 'vi')).toBe('Mã danh mục');
    expect(entityLabel('person', 'en')).toBe('Staff record');
    expect(entityLabel('widget', 'vi')).toBe('widget');
    expect(actionChoiceLabel('org.', 'vi')).toBe('Đơn vị: mọi thao tác');
    expect(actionChoiceLabel('auth.login', 'vi')).toBe('Đăng nhập');
  });
});
