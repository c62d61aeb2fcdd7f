import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useSponsorship } from '../api/postgraduate';
import { postgradMessages } from '../messages';
import { EligibilityPanel } from './eligibility-panel';
import { LeaveModal, OutcomeModal } from './outcome-modals';
import { SponsorshipFormModal } from './sponsorship-form-modal';
import { SponsorshipStatusTag } from './sponsorship-status-tag';

const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/** /postgraduate/:id — the study, its eligibility, the commitment and the repayment step by step. */
export function SponsorshipPage() {
  const t = useT(postgradMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const id = Number(useParams().id);
  const { data: s, error, isPending, refetch } = useSponsorship(id);
  const [open, setOpen] = useState<'edit' | 'outcome' | 'leave' | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !s) return <PageSpinner />;
  const c = s.commitment;

  return (
    <>
      <BackCrumb to="/postgraduate" label={t('backToList')} current={s.fullName} />
      <PageHeader
        title={`${s.fullName} · ${t(`level${s.level}`)} ${s.field}`}
        subtitle={
          <Space>
            <SponsorshipStatusTag status={s.status} />
            {`${s.institutionName} · ${s.country}`}
          </Space>
        }
        extra={
          s.canManage ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
                {t('edit')}
              </Button>
              {s.status === 'studying' ? (
                <Button type="primary" onClick={() => setOpen('outcome')}>
                  {t('recordOutcome')}
                </Button>
              ) : null}
              <Button danger onClick={() => setOpen('leave')}>
                {t('recordLeave')}
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('person')}>
                <Link to={`/people/${s.personId}`}>{s.fullName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('unit')}>{s.unitName}</Descriptions.Item>
              <Descriptions.Item
                label={t('institution')}
              >{`${s.institutionName} (${s.country})`}</Descriptions.Item>
              <Descriptions.Item label={t('studyPeriod')}>
                {`${formatDate(s.startsOn)} – ${formatDate(s.actualEndsOn ?? s.expectedEndsOn)}`}
                {s.actualEndsOn ? null : ` (${t('basisExpected')})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('cost')}>
                {money(s.cost)}
                {Object.keys(s.funding).length ? (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                    {`(${Object.entries(s.funding)
                      .map(([k, v]) => `${label('funding_source', k)}: ${money(v)}`)
                      .join('; ')})`}
                  </Typography.Text>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('decisionNo')}>{s.decisionNo ?? '—'}</Descriptions.Item>
              {s.diplomaNo ? (
                <Descriptions.Item label={t('diploma')}>
                  {`${s.diplomaNo} (${formatDate(s.diplomaDate)})`}
                </Descriptions.Item>
              ) : null}
              {s.leftOn ? (
                <Descriptions.Item label={t('leftOn')}>
                  {t('left', { date: formatDate(s.leftOn), reason: s.leftReason ?? '' })}
                </Descriptions.Item>
              ) : null}
              {s.note ? <Descriptions.Item label={t('note')}>{s.note}</Descriptions.Item> : null}
            </Descriptions>
            {s.qualificationId ? <Alert type="success" showIcon title={t('qualificationAdded')} /> : null}
            {!s.eligibleAtStart ? (
              <Alert type="warning" showIcon title={t('sentOverWarning')} style={{ marginTop: 8 }} />
            ) : null}
          </Card>
          <Card
            size="small"
            title={t('eligibility', { date: formatDate(s.eligibility.asOf) })}
            style={{ marginBottom: 16 }}
          >
            <EligibilityPanel e={s.eligibility} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('commitment')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph>
              {t('commitmentText', {
                multiplier: c.multiplier,
                study: c.studyMonths,
                months: c.committedMonths,
                from: formatDate(c.startsOn),
                to: formatDate(c.endsOn),
                basis: c.basis === 'actual' ? t('basisActual') : t('basisExpected'),
              })}
            </Typography.Paragraph>
            {c.servedMonths !== null ? (
              <Typography.Paragraph>{t('served', { months: c.servedMonths })}</Typography.Paragraph>
            ) : null}
            <Typography.Text type="secondary">{t('legalSource', { source: c.legalSource })}</Typography.Text>
          </Card>
          <Card size="small" title={t('repayment')} style={{ marginBottom: 16 }}>
            {s.repayment ? (
              <>
                <ol style={{ paddingInlineStart: 20 }} aria-label={t('repayment')}>
                  {s.repayment.steps.map((step) => (
                    <li key={step.vi}>{step[lang]}</li>
                  ))}
                </ol>
                <Alert
                  type={s.repayment.amount > 0 ? 'error' : 'success'}
                  showIcon
                  title={t('amount', { amount: money(s.repayment.amount) })}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('legalSource', { source: s.repayment.legalSource })}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">{t('repaymentNone')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {open === 'edit' ? <SponsorshipFormModal editing={s} onClose={() => setOpen(null)} /> : null}
      {open === 'outcome' ? <OutcomeModal id={s.id} onClose={() => setOpen(null)} /> : null}
      {open === 'leave' ? <LeaveModal id={s.id} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
