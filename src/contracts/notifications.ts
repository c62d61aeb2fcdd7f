/**
 * In-app notifications and their mail (ADR 042). A notification stores its kind and parameters;
 * the text is rendered from them in the reader's language (the bell, the list, the mail), so a
 * user who switches language reads every past notification in the new one.
 */
import { z } from 'zod';
import { Id, Page } from './common';

export const NOTIFICATION_KINDS = [
  'nomination.summoned',
  'nomination.approved',
  'nomination.rejected',
  'nomination.promoted',
  'nomination.waitlisted',
  'plan.approved',
  'plan.returned',
  'proposal.accepted',
  'proposal.returned',
  'needs.overdue',
  'abroad.report_overdue',
  'standard.due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Params = Record<string, string | number>;
type Text = { title: string; body: string };
const p = (params: Params, k: string) => String(params[k] ?? '');

/** The title and body of each kind, in both languages, from its parameters. */
export const NOTIFICATION_TEXTS: Record<NotificationKind, Record<'vi' | 'en', (x: Params) => Text>> = {
  'nomination.summoned': {
    vi: (x) => ({
      title: `Triệu tập học lớp ${p(x, 'classCode')}`,
      body: `${p(x, 'personName')} được triệu tập tham gia lớp "${p(x, 'className')}", khai giảng ngày ${p(x, 'startsOn')}.`,
    }),
    en: (x) => ({
      title: `Summoned to class ${p(x, 'classCode')}`,
      body: `${p(x, 'personName')} is summoned to the class "${p(x, 'className')}", starting on ${p(x, 'startsOn')}.`,
    }),
  },
  'nomination.approved': {
    vi: (x) => ({
      title: `Đã duyệt cử ${p(x, 'personName')}`,
      body: `Lượt cử ${p(x, 'personName')} đi học lớp ${p(x, 'classCode')} "${p(x, 'className')}" đã được duyệt.`,
    }),
    en: (x) => ({
      title: `${p(x, 'personName')} approved`,
      body: `The nomination of ${p(x, 'personName')} to class ${p(x, 'classCode')} "${p(x, 'className')}" was approved.`,
    }),
  },
  'nomination.rejected': {
    vi: (x) => ({
      title: `Không duyệt cử ${p(x, 'personName')}`,
      body: `Lượt cử ${p(x, 'personName')} đi học lớp ${p(x, 'classCode')} không được duyệt. Lý do: ${p(x, 'reason')}.`,
    }),
    en: (x) => ({
      title: `${p(x, 'personName')} rejected`,
      body: `The nomination of ${p(x, 'personName')} to class ${p(x, 'classCode')} was rejected. Reason: ${p(x, 'reason')}.`,
    }),
  },
  'nomination.promoted': {
    vi: (x) => ({
      title: `${p(x, 'personName')} đã có chỗ trong lớp ${p(x, 'classCode')}`,
      body: `Có chỗ trống: ${p(x, 'personName')} được chuyển từ danh sách chờ sang chờ duyệt ở lớp "${p(x, 'className')}".`,
    }),
    en: (x) => ({
      title: `${p(x, 'personName')} has a seat in class ${p(x, 'classCode')}`,
      body: `A seat freed: ${p(x, 'personName')} moved from the waitlist to awaiting approval in "${p(x, 'className')}".`,
    }),
  },
  'nomination.waitlisted': {
    vi: (x) => ({
      title: `${p(x, 'personName')} chuyển vào danh sách chờ`,
      body: `Cơ quan tổ chức lớp ${p(x, 'classCode')} chuyển ${p(x, 'personName')} vào danh sách chờ.${x.reason ? ` Lý do: ${p(x, 'reason')}.` : ''}`,
    }),
    en: (x) => ({
      title: `${p(x, 'personName')} moved to the waitlist`,
      body: `The organiser of class ${p(x, 'classCode')} moved ${p(x, 'personName')} to the waitlist.${x.reason ? ` Reason: ${p(x, 'reason')}.` : ''}`,
    }),
  },
  'plan.approved': {
    vi: (x) => ({ title: `Kế hoạch đã được duyệt`, body: `Kế hoạch "${p(x, 'title')}" đã được phê duyệt.` }),
    en: (x) => ({ title: `Plan approved`, body: `The plan "${p(x, 'title')}" was approved.` }),
  },
  'plan.returned': {
    vi: (x) => ({
      title: `Kế hoạch bị trả lại`,
      body: `Kế hoạch "${p(x, 'title')}" bị trả lại để sửa. Ý kiến: ${p(x, 'comment')}.`,
    }),
    en: (x) => ({
      title: `Plan returned`,
      body: `The plan "${p(x, 'title')}" was returned for changes. Comment: ${p(x, 'comment')}.`,
    }),
  },
  'proposal.accepted': {
    vi: (x) => ({
      title: `Đề xuất nhu cầu đã được chấp nhận`,
      body: `Đề xuất của ${p(x, 'unitName')} trong đợt "${p(x, 'campaign')}" đã được chấp nhận.`,
    }),
    en: (x) => ({
      title: `Needs proposal accepted`,
      body: `The proposal of ${p(x, 'unitName')} in "${p(x, 'campaign')}" was accepted.`,
    }),
  },
  'proposal.returned': {
    vi: (x) => ({
      title: `Đề xuất nhu cầu bị trả lại`,
      body: `Đề xuất của ${p(x, 'unitName')} trong đợt "${p(x, 'campaign')}" bị trả lại. Ý kiến: ${p(x, 'comment')}.`,
    }),
    en: (x) => ({
      title: `Needs proposal returned`,
      body: `The proposal of ${p(x, 'unitName')} in "${p(x, 'campaign')}" was returned. Comment: ${p(x, 'comment')}.`,
    }),
  },
  'needs.overdue': {
    vi: (x) => ({
      title: `Quá hạn gửi đề xuất nhu cầu`,
      body: `${p(x, 'unitName')} chưa gửi đề xuất nhu cầu đợt "${p(x, 'campaign')}" (hạn ${p(x, 'deadline')}).`,
    }),
    en: (x) => ({
      title: `Needs proposal overdue`,
      body: `${p(x, 'unitName')} has not sent its proposal for "${p(x, 'campaign')}" (due ${p(x, 'deadline')}).`,
    }),
  },
  'abroad.report_overdue': {
    vi: (x) => ({
      title: `Quá hạn nộp báo cáo sau chuyến đi`,
      body: `${p(x, 'personName')} chưa nộp báo cáo đoàn "${p(x, 'delegation')}" (hạn ${p(x, 'dueOn')}).`,
    }),
    en: (x) => ({
      title: `Trip report overdue`,
      body: `${p(x, 'personName')} has not filed the report of "${p(x, 'delegation')}" (due ${p(x, 'dueOn')}).`,
    }),
  },
  'standard.due': {
    vi: (x) => ({
      title: `Sắp đến hạn tiêu chuẩn: ${p(x, 'personName')}`,
      body: `${p(x, 'personName')} (${p(x, 'unitName')}) cần đạt "${p(x, 'requirement')}" trước ngày ${p(x, 'dueOn')}.`,
    }),
    en: (x) => ({
      title: `Standard coming due: ${p(x, 'personName')}`,
      body: `${p(x, 'personName')} (${p(x, 'unitName')}) must meet "${p(x, 'requirement')}" by ${p(x, 'dueOn')}.`,
    }),
  },
};

/** The text of a notification in a language. */
export function notificationText(kind: NotificationKind, params: Params, lang: 'vi' | 'en'): Text {
  return NOTIFICATION_TEXTS[kind][lang](params);
}

export const Notification = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** The page it opens (a path of the web UI), if any. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = Page.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const NotificationsList = z.object({
  items: z.array(Notification),
  total: z.number(),
  unread: z.number(),
});

export const UnreadCount = z.object({ unread: z.number() });

export const NotificationParams = z.object({ id: Id });

/** The user's own mail settings: the address and whether notifications are mailed. */
const Email = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFC').trim().toLowerCase() : v),
  z.email().max(200),
);

export const NotificationSettings = z.object({
  email: z.string().nullable(),
  emailNotifications: z.boolean(),
  /** Whether the server can send mail at all (SMTP_URL set); read only. */
  mailConfigured: z.boolean(),
});
export const NotificationSettingsBody = z.object({
  /** Trimmed and lower-cased; null: no mail. */
  email: z.union([Email, z.null()]),
  emailNotifications: z.boolean(),
});
