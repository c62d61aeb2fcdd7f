import { describe, expect, it } from 'vitest';
import { describeClash } from './classes.clashes';

const other = {
  id: 7,
  classId: 3,
  day: '2026-04-07',
  startsAt: '09:00',
  endsAt: '11:00',
  lecturerId: 1,
  place: 'venue:hoi truong',
  roomKey: 'phong 1',
  classCode: 'K3/2026',
  className: 'Lớp K3',
};

describe('describeClash', () => {
  it.each([
    ['lecturer', true, 'Giảng viên cũng dạy lớp K3/2026 ngày 07/04/2026 (09:00–11:00).', 'K3/2026'],
    ['lecturer', false, 'Giảng viên cũng dạy một lớp của đơn vị khác ngày 07/04/2026 (09:00–11:00).', null],
    ['room', true, 'Phòng học đã được lớp K3/2026 dùng ngày 07/04/2026 (09:00–11:00).', 'K3/2026'],
    ['room', false, 'Phòng học đã được một lớp của đơn vị khác dùng ngày 07/04/2026 (09:00–11:00).', null],
  ] as const)('%s clash, other class visible: %s', (kind, visible, vi, code) => {
    const c = describeClash(5, kind, other, visible);
    expect(c).toMatchObject({ sessionId: 5, kind, other: { classId: 3, sessionId: 7, classCode: code } });
    expect(c.other.className).toBe(visible ? 'Lớp K3' : null);
    expect(c.message.vi).toBe(vi);
    expect(c.message.en.includes('K3/2026')).toBe(visible);
  });
});
