import { Alert, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { usePublicCertificate } from '../api/certificates';
import { certificatesMessages } from '../messages';

/** /verify/:token — public (no login): is this certificate genuine, and is it still valid? */
export function VerifyPage() {
  const t = useT(certificatesMessages);
  const [lang] = useLang();
  const token = useParams().token ?? '';
  const { data: c, error, isPending } = usePublicCertificate(token);

  let body: React.ReactNode;
  if (isPending) body = <Spin />;
  else if (error || !c)
    body = (
      <Result
        status={isApiError(error, 'RATE_LIMITED') ? 'warning' : '404'}
        title={isApiError(error, 'RATE_LIMITED') ? t('verifyLimited') : t('verifyNotFound')}
      />
    );
  else
    body = (
      <>
        {c.status === 'valid' ? (
          <Alert type="success" showIcon title={t('verifyGenuine')} style={{ marginBottom: 12 }} />
        ) : c.status === 'revoked' ? (
          <Alert
            type="error"
            showIcon
            title={t('verifyRevoked', { date: formatDate(c.statusOn) })}
            style={{ marginBottom: 12 }}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('verifyReplaced', { number: c.replacedByNumber ?? '', date: formatDate(c.statusOn) })}
            style={{ marginBottom: 12 }}
          />
        )}
        {c.replacesNumber ? (
          <Alert
            type="info"
            showIcon
            title={t('verifyPaper', { number: c.replacesNumber })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('number')}>{c.number}</Descriptions.Item>
          <Descriptions.Item label={t('holder')}>
            <b>{c.holderName}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t('programme')}>{c.programmeName}</Descriptions.Item>
          <Descriptions.Item label={t('classCode')}>{c.classCode}</Descriptions.Item>
          <Descriptions.Item label={t('dates')}>
            {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('grade')}>{c.grade[lang]}</Descriptions.Item>
          <Descriptions.Item label={t('issuer')}>{c.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('issuedOn')}>{formatDate(c.issuedOn)}</Descriptions.Item>
        </Descriptions>
      </>
    );

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch size="small" />
      </div>
      <Card className="verify-card" variant="borderless" style={{ width: 'min(640px, 94vw)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 16 }}>
          <div className="brand-mark" aria-hidden>
            ★
          </div>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('appFullName')}
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0 0' }}>
            {t('verifyTitle')}
          </Typography.Title>
        </Flex>
        {body}
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}
        >
          {t('verifyFooter')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
