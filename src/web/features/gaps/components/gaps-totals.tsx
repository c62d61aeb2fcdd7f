import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../../lib/i18n';
import type { GapCounts } from '../api/gaps';
import type { GapSelection } from '../gaps-url';
import { gapsMessages } from '../messages';
import { formatCount, formatShare } from '../report-format';
import { CountButton } from './count-button';

function Figure({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 26, lineHeight: 1.3, margin: '2px 0' }}>{children}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Text>
    </Card>
  );
}

/** The header of the summary: people checked, people with at least one gap, gaps (missing / due). */
export function GapsTotals({
  totals,
  unitName,
  headcountLink,
  onOpen,
}: {
  totals: GapCounts;
  unitName: string;
  /** A link to the people list of the unit, when it shows the same people (today's date). */
  headcountLink?: (n: ReactNode) => ReactNode;
  onOpen: (s: GapSelection) => void;
}) {
  const t = useT(gapsMessages);
  const [lang] = useLang();
  const open = (what: string, n: number, status?: GapSelection['status']) => (
    <CountButton
      n={n}
      strong
      label={t('openList', { what, group: unitName, n: formatCount(n) })}
      onOpen={() => onOpen({ status })}
    />
  );
  const headcount = totals.headcount ?? 0;
  const share = formatShare(totals.peopleWithGaps, totals.headcount, lang);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={6}>
        <Figure title={t('headcount')} help={t('headcountHelp')}>
          <span className="tabular">
            {headcountLink ? headcountLink(formatCount(headcount)) : formatCount(headcount)}
          </span>
        </Figure>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Figure title={t('peopleWithGaps')} help={t('peopleWithGapsHelp')}>
          <Flex align="baseline" gap={8}>
            {open(t('peopleWithGaps'), totals.peopleWithGaps)}
            {share ? (
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {share}
              </Typography.Text>
            ) : null}
          </Flex>
        </Figure>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Figure title={t('gaps')} help={t('gapsHelp')}>
          {open(t('gaps'), totals.gaps)}
        </Figure>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Figure title={`${t('missing')} / ${t('due')}`} help={t('dueHelp')}>
          <Flex align="baseline" gap={8}>
            {open(t('missing'), totals.missing, 'missing')}
            <Typography.Text type="secondary">/</Typography.Text>
            {open(t('due'), totals.due, 'due')}
          </Flex>
        </Figure>
      </Col>
    </Row>
  );
}
