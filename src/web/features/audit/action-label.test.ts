import { describe, expect, it } from 'vitest';
import { actionLabel } from './action-label';

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
});
