import { Alert, Card, Empty, Form, InputNumber, Row, Switch } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { useMe } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { useDistribution } from '../api/ratings';
import { defaultRatingYear, formatCount, MIN_YEAR, orderUnits, parseYear } from '../distribution';
import { ratingMessages } from '../messages';
import { DistributionTable } from './distribution-table';

interface Filters {
  year: number;
  unitId?: number;
  onlyBreaking: boolean;
}

function readFilters(sp: URLSearchParams): Filters {
  const unitId = Number(sp.get('unitId'));
  return {
    year: parseYear(sp.get('year')) ?? defaultRatingYear(),
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    onlyBreaking: sp.get('over') === '1',
  };
}

function writeFilters(f: Filters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.year !== defaultRatingYear()) sp.set('year', String(f.year));
  if (f.unitId) sp.set('unitId', String(f.unitId));
  if (f.onlyBreaking) sp.set('over', '1');
  return sp;
}

/** /ratings — a year's ratings by unit of a subtree, with the per-unit "excellent" cap flagged. */
export function RatingsPage() {
  const t = useT(ratingMessages);
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const { data, error, isPending, isFetching, refetch } = useDistribution(filters.year, filters.unitId);
  const maxYear = new Date().getFullYear();

  const update = useCallback(
    (patch: Partial<Filters>) => setSearchParams(writeFilters({ ...readFilters(searchParams), ...patch })),
    [searchParams, setSearchParams],
  );

  const units = useMemo(
    () => orderUnits(data?.units ?? [], filters.onlyBreaking),
    [data, filters.onlyBreaking],
  );
  // The data shown may still be the previous choice's while the new one loads (kept to avoid a blank).
  const unitName = data?.unitName ?? me.scopeUnitName;
  const year = data?.year ?? filters.year;

  return (
    <>
      <PageHeader
        title={t('pageTitle')}
        subtitle={t('pageSubtitle')}
        extra={
          <ExportButton
            path="/ratings/distribution/export.xlsx"
            filters={{ year: filters.year, unitId: filters.unitId }}
          />
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Row gutter={16} align="bottom">
            <Field
              xs={24}
              sm={8}
              md={4}
              label={t('ratingYear')}
              htmlFor="ratings-year"
              style={{ marginBottom: 8 }}
            >
              <InputNumber
                id="ratings-year"
                min={MIN_YEAR}
                max={maxYear}
                precision={0}
                value={filters.year}
                onChange={(v) => {
                  if (typeof v === 'number' && v >= MIN_YEAR && v <= maxYear) update({ year: v });
                }}
                style={{ width: '100%' }}
              />
            </Field>
            <Field
              xs={24}
              sm={16}
              md={10}
              label={t('unit')}
              htmlFor="ratings-unit"
              style={{ marginBottom: 8 }}
            >
              <UnitTreeSelect
                id="ratings-unit"
                value={filters.unitId ?? null}
                placeholder={me.scopeUnitName}
                onChange={(v) => update({ unitId: typeof v === 'number' ? v : undefined })}
              />
            </Field>
            <Field xs={24} md={10} style={{ marginBottom: 8 }}>
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <Switch
                  id="ratings-only-breaking"
                  checked={filters.onlyBreaking}
                  onChange={(onlyBreaking) => update({ onlyBreaking })}
                />
                <label htmlFor="ratings-only-breaking">{t('onlyBreaking')}</label>
              </span>
            </Field>
          </Row>
        </Form>
      </Card>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : data && data.units.length === 0 ? (
        <Card>
          <Empty description={t('distributionEmpty', { year, unit: unitName })} />
        </Card>
      ) : (
        <>
          {data ? (
            data.unitsBreakingCap > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('breakingAlert', {
                  n: formatCount(data.unitsBreakingCap),
                  total: formatCount(data.units.length),
                  year,
                })}
                description={t('breakingAlertText')}
              />
            ) : data.units.some((u) => u.caps.length > 0) ? (
              <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('noBreaking', { year })} />
            ) : (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('capNotApplicable', { year })}
              />
            )
          ) : null}
          <DistributionTable
            data={data}
            units={units}
            loading={isPending || isFetching}
            caption={t('distributionCaption', { year, unit: unitName })}
          />
        </>
      )}
    </>
  );
}
