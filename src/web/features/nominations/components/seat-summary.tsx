import { Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import type { NominationsView } from '../api/nominations';
import { nominationsMessages } from '../messages';

/** The seat counters, the deadline and whether nominations are taken now (and if not, why). */
export function SeatSummary({ view }: { view: NominationsView }) {
  const t = useT(nominationsMessages);
  const [lang] = useLang();
  const counters: { key: string; title: string; value: number }[] = [
    { key: 'capacity', title: t('capacity'), value: view.capacity },
    { key: 'taken', title: t('taken'), value: view.taken },
    { key: 'approved', title: t('approved'), value: view.approved },
    { key: 'pending', title: t('pending'), value: view.pending },
    { key: 'waitlisted', title: t('waitlisted'), value: view.waitlisted },
    { key: 'free', title: t('free'), value: Math.max(0, view.capacity - view.taken) },
  ];
  return (
    <Row gutter={[16, 12]} align="middle" style={{ marginBottom: 12 }}>
      {counters.map((c) => (
        <Col key={c.key} xs={8} md={4} xl={3}>
          <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 20 } }} />
        </Col>
      ))}
      <Col xs={24} xl={6}>
        <Typography.Text type="secondary">{t('deadline')}</Typography.Text>
        <div style={{ margin: '4px 0' }}>{view.deadline ? formatDate(view.deadline) : t('noDeadline')}</div>
        <Flex gap={4} wrap align="center">
          <Tag color={view.open ? 'blue' : 'default'}>{view.open ? t('open') : t('closed')}</Tag>
          {!view.open && view.closedReason ? (
            <Typography.Text type="secondary">{view.closedReason[lang]}</Typography.Text>
          ) : null}
        </Flex>
      </Col>
    </Row>
  );
}
