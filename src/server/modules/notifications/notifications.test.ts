import net from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox, notifications, users } from '../../db/schema/index';
import type { Clock } from '../../lib/dates';
import { type Session, useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { drainOutbox, outboxCounts, smtpSender } from './mail-outbox';
import { notify } from './notify';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; mails: Received[] }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as net.AddressInfo).port, mails };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The decoded text of a mail (nodemailer sends Vietnamese as quoted-printable or base64). */
function decoded(raw: string): { subject: string; body: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const subjectLine = head.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '';
  const subject = subjectLine
    .split(/\r?\n[ \t]*/)
    .map((w) =>
      w.replace(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi, (_m, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'binary')
              .toString()
              .replace(/%([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      ),
    )
    .join('');
  const bodyRaw = rest.join('\n\n');
  const body = /Content-Transfer-Encoding: base64/i.test(head)
    ? Buffer.from(bodyRaw.replace(/\s/g, ''), 'base64').toString('utf8')
    : /Content-Transfer-Encoding: quoted-printable/i.test(head)
      ? Buffer.from(
          bodyRaw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`),
          'utf8',
        ).toString()
      : bodyRaw;
  return { subject: Buffer.from(subject, 'latin1').toString('utf8'), body: decodeURIComponent(body) };
}

describe.each(testBackends())('notifications (%s)', (kind) => {
  // Ahead of the database's own now(), which stamps queued mail.
  let now = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
  const clock: Clock = { now: () => now };
  const t = useTestApp(kind, { clock });
  let me: Session;
  let other: Session;
  const settings = {
    from: 'Đào tạo <dtbd@example.vn>',
    retryBaseMs: 60_000,
    maxAttempts: 3,
    maxAgeHours: 72,
  };
  const servers: SMTPServer[] = [];

  beforeAll(async () => {
    me = await t.as('unit_officer', t.communeA);
    other = await t.as('unit_officer', t.communeB);
  });
  afterAll(async () => {
    for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  });

  const summon = (userId: number, personName: string) =>
    t.handle.db.transaction((tx) =>
      notify(tx, {
        userIds: [userId],
        kind: 'nomination.summoned',
        params: {
          classCode: 'TC-01/2027',
          className: 'Trung cấp lý luận chính trị',
          startsOn: '2027-03-01',
          personName,
        },
        link: '/classes/1',
      }),
    );

  it('lists my notifications, counts unread, marks read; another user’s is 404', async () => {
    await summon(me.userId, 'Lê Văn Một');
    await summon(other.userId, 'Trần Văn Khác');
    const list = await t.call(me, { method: 'GET', url: '/api/notifications' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, unread: 1 });
    const [n] = list.json().items;
    expect(n.body).toBe(
      'Lê Văn Một được triệu tập tham gia lớp "Trung cấp lý luận chính trị", khai giảng ngày 2027-03-01.',
    );
    const en = await t.call(me, {
      method: 'GET',
      url: '/api/notifications',
      headers: { 'x-dtbd-lang': 'en' },
    });
    expect(en.json().items[0].title).toBe('Summoned to class TC-01/2027');

    const theirs = (await t.call(other, { method: 'GET', url: '/api/notifications' })).json().items[0];
    const before = await t.handle.db.select().from(notifications).where(eq(notifications.id, theirs.id));
    const stolen = await t.call(me, { method: 'POST', url: `/api/notifications/${theirs.id}/read` });
    expect(stolen.statusCode).toBe(404);
    expect(await t.handle.db.select().from(notifications).where(eq(notifications.id, theirs.id))).toEqual(
      before,
    );

    const read = await t.call(me, { method: 'POST', url: `/api/notifications/${n.id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(now.toISOString());
    expect((await t.call(me, { method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({
      unread: 0,
    });
    await summon(me.userId, 'Lê Văn Hai');
    expect((await t.call(me, { method: 'POST', url: '/api/notifications/read-all' })).json()).toEqual({
      unread: 0,
    });
    expect((await t.call(other, { method: 'GET', url: '/api/notifications/unread-count' })).json()).toEqual({
      unread: 1,
    });
    expect((await t.call(null, { method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('keeps the daily reminders idempotent by their key', async () => {
    const input = {
      userIds: [me.userId],
      kind: 'standard.due' as const,
      params: {
        personName: 'Lê Văn Một',
        unitName: 'Xã A',
        requirement: 'Quản lý nhà nước',
        dueOn: '2027-01-01',
      },
      dedupeKey: 'standard.due:1:QLNN:2027-01-01',
    };
    expect(await notify(t.handle.db, input)).toBe(1);
    expect(await notify(t.handle.db, input)).toBe(0);
  });

  it('saves my mail settings (audited), refuses a bad address', async () => {
    const bad = await t.call(me, {
      method: 'POST',
      url: '/api/notifications/settings',
      payload: { email: 'not-an-address', emailNotifications: true },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.call(me, {
      method: 'POST',
      url: '/api/notifications/settings',
      payload: { email: ' Me@Example.VN ', emailNotifications: true },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ email: 'me@example.vn', emailNotifications: true, mailConfigured: false });
    const [u] = await t.handle.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, other.userId));
    expect(u.email).toBeNull();
    const [row] = await t.handle.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'user.notification-settings'));
    expect(row).toEqual({
      before: { email: null, emailNotifications: true },
      after: { email: 'me@example.vn', emailNotifications: true },
    });
  });

  it('mails through the outbox: an SMTP outage leaves mail pending, then it is sent', async () => {
    await t.handle.db.update(mailOutbox).set({ status: 'sent' });
    await t.handle.db
      .update(users)
      .set({ email: 'me@example.vn', emailNotifications: true })
      .where(eq(users.id, me.userId));
    await t.handle.db
      .update(users)
      .set({ email: 'other@example.vn', emailNotifications: false })
      .where(eq(users.id, other.userId));
    await summon(me.userId, 'Nguyễn Thị Thư');
    await summon(other.userId, 'Không Gửi Thư');
    expect(await outboxCounts(t.handle.db)).toMatchObject({ pending: 1 });

    // The server is down: the mail waits with its error and a later attempt time.
    const port = await freePort();
    const down = await drainOutbox(t.handle.db, clock, smtpSender(`smtp://127.0.0.1:${port}`), settings);
    expect(down).toEqual({ sent: 0, retried: 1, failed: 0, expired: 0 });
    const [waiting] = await t.handle.db.select().from(mailOutbox).where(eq(mailOutbox.status, 'pending'));
    expect(waiting).toMatchObject({ attempts: 1, toAddress: 'me@example.vn' });
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);

    // Up again, and the wait is over: it arrives, in Vietnamese.
    const smtp = await startSmtp(port);
    servers.push(smtp.server);
    const early = await drainOutbox(t.handle.db, clock, smtpSender(`smtp://127.0.0.1:${port}`), settings);
    expect(early.sent).toBe(0);
    now = new Date(now.getTime() + 61_000);
    const up = await drainOutbox(t.handle.db, clock, smtpSender(`smtp://127.0.0.1:${port}`), settings);
    expect(up).toEqual({ sent: 1, retried: 0, failed: 0, expired: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['me@example.vn']);
    const mail = decoded(smtp.mails[0].raw);
    expect(mail.subject).toBe('Triệu tập học lớp TC-01/2027');
    expect(mail.body).toContain('Nguyễn Thị Thư được triệu tập tham gia lớp "Trung cấp lý luận chính trị"');
    expect(await outboxCounts(t.handle.db)).not.toHaveProperty('pending');
  });
});
