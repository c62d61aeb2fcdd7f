import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { certificatePdfUrl, verifyPath } from '../api/certificates';
import { certificatesMessages } from '../messages';

/** A certificate's PDF button and its public verification link. */
export function CertificateLinks({ c }: { c: { id: number; number: string; token: string } }) {
  const t = useT(certificatesMessages);
  return (
    <>
      <Button
        size="small"
        icon={<FilePdfOutlined />}
        href={certificatePdfUrl(c.id)}
        target="_blank"
        aria-label={t('openPdf', { number: c.number })}
      >
        {t('pdf')}
      </Button>
      <Link to={verifyPath(c.token)} target="_blank">
        {t('verifyLink')}
      </Link>
    </>
  );
}
