/**
 * The public verification of a certificate (ADR 014): anyone holding the QR link, no login.
 * Rate limited per IP in the database; a token of the wrong shape or unknown answers the same
 * bare 404; the answer carries the essentials printed on the paper and its status, nothing else
 * about the person (no birth date, unit or ids).
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PublicCertificate } from '../../../contracts/certificates';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { assertUnderLimit } from '../../lib/rate-limit';
import { selectCertificates } from './certificates.queries';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const NOT_FOUND = new AppError('NOT_FOUND', {
  message: { vi: 'Không tìm thấy chứng chỉ.', en: 'Certificate not found.' },
});

export function createPublicCertificateService(deps: { db: Db; clock: Clock; maxPerMinute: number }) {
  return {
    async verify(token: string, ip: string): Promise<z.infer<typeof PublicCertificate>> {
      await assertUnderLimit(deps.db, {
        key: `verify:${ip}`,
        now: deps.clock.now(),
        windowMs: 60_000,
        max: deps.maxPerMinute,
        message: {
          vi: 'Quá nhiều lượt tra cứu. Hãy thử lại sau một phút.',
          en: 'Too many look-ups. Try again in a minute.',
        },
      });
      if (!TOKEN_SHAPE.test(token)) throw NOT_FOUND;
      const [c] = await selectCertificates(deps.db, sql`c.token = ${token}`);
      if (!c) throw NOT_FOUND;
      return {
        number: c.number,
        holderName: c.holderName,
        programmeName: c.programmeName,
        classCode: c.classCode,
        startsOn: c.classStartsOn,
        endsOn: c.classEndsOn,
        grade: { vi: c.gradeVi, en: c.gradeEn },
        issuer: c.issuerName,
        issuedOn: c.issuedOn,
        status: c.status,
        statusOn: c.statusOn,
        replacedByNumber: c.replacedByNumber,
        replacesNumber: c.replacesNumber,
      };
    },
  };
}
