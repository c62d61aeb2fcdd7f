import { Tag, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import type { CertificateItem } from '../api/certificates';
import { certificatesMessages } from '../messages';

const COLORS = { valid: 'green', revoked: 'red', replaced: 'gold' } as const;

/** Status tag, with the linked paper and the reason beneath. */
export function CertificateStatus({ c }: { c: CertificateItem }) {
  const t = useT(certificatesMessages);
  const label = { valid: t('statusValid'), revoked: t('statusRevoked'), replaced: t('statusReplaced') }[
    c.status
  ];
  return (
    <>
      <Tag color={COLORS[c.status]}>{label}</Tag>
      {c.replacedBy ? (
        <div>
          <Typography.Text type="secondary">
            {t('replacedBy', { number: c.replacedBy.number })}
          </Typography.Text>
        </div>
      ) : null}
      {c.replaces ? (
        <div>
          <Typography.Text type="secondary">
            {t('replacesLabel', { number: c.replaces.number })}
          </Typography.Text>
        </div>
      ) : null}
      {c.statusReason ? (
        <div>
          <Typography.Text type="secondary">{t('reasonLabel', { reason: c.statusReason })}</Typography.Text>
        </div>
      ) : null}
    </>
  );
}
