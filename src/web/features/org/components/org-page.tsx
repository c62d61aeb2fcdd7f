import { Card, Col, Empty, Row } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { orgMessages } from '../messages';
import { OrgTreePanel } from './org-tree-panel';
import { UnitDetailPanel } from './unit-detail';

/** /org?unit=<id>&asOf=<date>&historical=1 — the tree on the left, the chosen unit on the right. */
export function OrgPage() {
  const t = useT(orgMessages);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const unitParam = Number(params.get('unit'));
  const selectedId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;
  const asOf = params.get('asOf');
  const includeHistorical = params.get('historical') === '1';

  const patch = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );

  const select = useCallback(
    (id: number | null) => patch({ unit: id === null ? null : String(id) }),
    [patch],
  );

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xxl={8}>
          <OrgTreePanel
            asOf={asOf}
            includeHistorical={includeHistorical}
            selectedId={selectedId}
            onSelect={select}
            onAsOfChange={(d) => patch({ asOf: d }, true)}
            onHistoricalChange={(v) => patch({ historical: v ? '1' : null }, true)}
          />
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          {selectedId !== null ? (
            <UnitDetailPanel unitId={selectedId} canWrite={can('org.write')} onSelect={select} />
          ) : (
            <Card>
              <Empty description={t('pickUnit')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
