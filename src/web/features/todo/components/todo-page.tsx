import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useTodo } from '../api/todo';
import { todoMessages } from '../messages';

/** "Việc cần làm": the officer's landing page, each count a link to where the work is done. */
export function TodoPage() {
  const t = useT(todoMessages);
  const todo = useTodo();
  const data = todo.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={data ? t('subtitle', { date: formatDate(data.asOf) }) : null}
      />
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {data.items.map((i) => {
            const hint = t(`${i.key}Hint`, { days: data.soonDays });
            return (
              <Col key={i.key} xs={24} sm={12} lg={8}>
                <Link to={i.link} aria-label={`${t(i.key)}: ${i.count}`}>
                  <Card hoverable size="small" style={{ height: '100%' }}>
                    <Statistic
                      title={t(i.key)}
                      value={i.count}
                      valueStyle={{ color: i.count ? '#c0392b' : undefined }}
                    />
                    <Typography.Text type="secondary">{i.count ? hint : t('none')}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </>
  );
}
