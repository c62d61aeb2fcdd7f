import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useLang, useT } from '../../../lib/i18n';
import { REPORT_CATALOG } from '../catalog';
import { reportsMessages } from '../messages';

/** `/reports`: the catalogue of reports, one card each. */
export function ReportsIndexPage() {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  return (
    <>
      <PageHeader title={t('indexTitle')} subtitle={t('indexSubtitle')} />
      <Row gutter={[16, 16]}>
        {REPORT_CATALOG.map((r) => (
          <Col key={r.name} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={<Link to={`/reports/${r.name}`}>{r.title[lang]}</Link>}
              style={{ height: '100%' }}
            >
              <Typography.Paragraph style={{ marginBottom: 8 }}>{r.description[lang]}</Typography.Paragraph>
              <Link to={`/reports/${r.name}`} aria-label={`${t('open')}: ${r.title[lang]}`}>
                {t('open')} →
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
