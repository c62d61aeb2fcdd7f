import { Card, Col, Form, Row, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { UnitTreeSelect } from './unit-tree-select';

/** The year and unit of a report or dashboard, kept in the URL (`year`, `unitId`) so a link can be shared. */
export function useYearUnitParams() {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const unitId = Number(params.get('unitId')) || undefined;
  /** Set or clear URL parameters; any change but `page` goes back to the first page. */
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      if (!('page' in patch)) next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next);
    },
    [params, setParams],
  );
  // The next year (classes being planned) and the past ones; a year typed in the URL stays offered.
  const years = useMemo(() => {
    const list = Array.from({ length: 8 }, (_v, i) => thisYear + 1 - i);
    if (!list.includes(year)) list.push(year);
    return list.sort((a, b) => b - a);
  }, [thisYear, year]);
  return { params, year, unitId, years, set };
}

type YearUnitState = Pick<ReturnType<typeof useYearUnitParams>, 'year' | 'unitId' | 'years' | 'set'>;

interface Props {
  idPrefix: string;
  /** The page's words for the search region, the two pickers and "the whole scope". */
  t: (key: 'filtersLabel' | 'year' | 'unit' | 'wholeScope') => string;
  /** What useYearUnitParams gives. */
  state: YearUnitState;
}

/** The year picker and the unit picker (a unit of the user's subtree; none: all of it). */
export function YearUnitFilters({ idPrefix, t, state: { year, unitId, years, set } }: Props) {
  const labels = { form: t('filtersLabel'), year: t('year'), unit: t('unit'), wholeScope: t('wholeScope') };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" role="search" aria-label={labels.form}>
        <Row gutter={12}>
          <Col xs={10} md={4}>
            <Form.Item label={labels.year} htmlFor={`${idPrefix}-year`} style={{ marginBottom: 0 }}>
              <Select
                id={`${idPrefix}-year`}
                value={year}
                onChange={(v: number) => set({ year: String(v) })}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={10}>
            <Form.Item label={labels.unit} htmlFor={`${idPrefix}-unit`} style={{ marginBottom: 0 }}>
              <UnitTreeSelect
                id={`${idPrefix}-unit`}
                value={unitId ?? null}
                placeholder={labels.wholeScope}
                onChange={(v) => set({ unitId: typeof v === 'number' ? String(v) : undefined })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
