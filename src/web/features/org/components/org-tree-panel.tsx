import {
  Card,
  Empty,
  Flex,
  Form,
  type GetRef,
  Input,
  Spin,
  Switch,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { QueryErrorResult } from '../../../components/results';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { buildUnitTree, type OrgUnit, searchUnits, type UnitNode, useOrgTree } from '../../../lib/org-tree';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { orgMessages } from '../messages';

interface Props {
  asOf: string | null;
  includeHistorical: boolean;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  onAsOfChange: (asOf: string | null) => void;
  onHistoricalChange: (v: boolean) => void;
}

export function OrgTreePanel({
  asOf,
  includeHistorical,
  selectedId,
  onSelect,
  onAsOfChange,
  onHistoricalChange,
}: Props) {
  const t = useT(orgMessages);
  const { data, error, isPending, isFetching, refetch } = useOrgTree({ asOf, includeHistorical });
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, 200);
  const [expanded, setExpanded] = useState<number[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const byId = useMemo(() => new Map((data?.units ?? []).map((u) => [u.id, u])), [data]);
  const found = useMemo(() => searchUnits(data?.units ?? [], query), [data, query]);
  const searching = query.trim().length > 0;

  // Open the roots at first, and the path to the selected unit whenever it changes.
  useEffect(() => {
    if (!data) return;
    setExpanded((prev) => {
      const next = new Set(prev.length ? prev : data.rootIds);
      let p = selectedId !== null ? (byId.get(selectedId)?.parentId ?? null) : null;
      while (p !== null) {
        next.add(p);
        p = byId.get(p)?.parentId ?? null;
      }
      return [...next];
    });
  }, [data, selectedId, byId]);

  // Bring the selected unit into view once its branch is open (the tree is virtual).
  useEffect(() => {
    if (selectedId === null || !data) return;
    const id = setTimeout(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto' }), 50);
    return () => clearTimeout(id);
  }, [selectedId, data]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    if (!data) return [];
    const title = (u: OrgUnit) => {
      const historical = !!u.validTo;
      const successor = u.successorId !== null ? byId.get(u.successorId)?.name : undefined;
      return (
        <span className={historical ? 'unit-historical' : undefined}>
          <span className={`unit-name${found.matches.has(u.id) ? ' unit-match' : ''}`}>{u.name}</span>
          {u.peopleCount > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({u.peopleCount})
            </Typography.Text>
          ) : null}
          {historical ? (
            <span style={{ fontSize: 12 }}>
              {' '}
              — {t('until', { date: formatDate(u.validTo) })}
              {successor ? ` ${t('successorArrow', { name: successor })}` : ''}
            </span>
          ) : null}
        </span>
      );
    };
    // While searching, keep only matches and the branches leading to them.
    const keep = (n: UnitNode): boolean =>
      !searching || found.matches.has(n.unit.id) || found.expand.has(n.unit.id);
    const toNode = (n: UnitNode): TreeDataNode => ({
      key: n.unit.id,
      title: title(n.unit),
      isLeaf: n.children.length === 0,
      children: n.children.filter(keep).map(toNode),
    });
    return buildUnitTree(data.units, data.rootIds).filter(keep).map(toNode);
  }, [data, byId, found, searching, t]);

  return (
    <Card size="small" className="org-tree-card" styles={{ body: { paddingTop: 12 } }}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('searchLabel')} htmlFor="org-search" style={{ marginBottom: 8 }}>
          <Input.Search
            id="org-search"
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('searchPlaceholder')}
          />
        </Form.Item>
        <Flex gap={12} wrap align="end">
          <Form.Item label={t('asOf')} htmlFor="org-asof" style={{ marginBottom: 8, flex: '1 1 150px' }}>
            <DateInput
              id="org-asof"
              value={asOf}
              onChange={onAsOfChange}
              placeholder={t('asOfPlaceholder')}
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', paddingBottom: 4 }}>
              <Switch
                id="org-historical"
                size="small"
                checked={includeHistorical}
                onChange={onHistoricalChange}
              />
              <label htmlFor="org-historical">{t('showHistorical')}</label>
            </span>
          </Form.Item>
        </Flex>
      </Form>
      {searching ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
          {found.matches.size ? t('matches', { n: found.matches.size }) : t('noMatch')}
        </Typography.Text>
      ) : null}
      <div style={{ marginTop: 8 }}>
        {error ? (
          <QueryErrorResult error={error} onRetry={() => refetch()} />
        ) : isPending ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : treeData.length === 0 ? (
          <Empty description={t('noMatch')} />
        ) : (
          <Spin spinning={isFetching} size="small">
            <Tree
              ref={treeRef}
              aria-label={t('treeLabel')}
              treeData={treeData}
              height={620}
              showLine={{ showLeafIcon: false }}
              blockNode
              expandedKeys={searching ? [...found.expand] : expanded}
              onExpand={(keys) => {
                if (!searching) setExpanded(keys as number[]);
              }}
              selectedKeys={selectedId !== null ? [selectedId] : []}
              onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : selectedId)}
            />
          </Spin>
        )}
      </div>
    </Card>
  );
}
