import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { foldText } from '../../contracts/text';
import { formatDate } from '../lib/dates';
import { useLang } from '../lib/i18n';
import { buildUnitTree, type UnitNode, useOrgTree } from '../lib/org-tree';

interface TreeDataNode {
  value: number;
  title: string;
  search: string;
  disabled?: boolean;
  children?: TreeDataNode[];
}

interface Props {
  id?: string;
  value?: number | number[] | null;
  onChange?: (value: number | number[] | null) => void;
  placeholder?: string;
  multiple?: boolean;
  allowClear?: boolean;
  /** Units that may not be picked (e.g. the unit being moved and its subtree). */
  disabledIds?: Set<number>;
  /** Offer dissolved units too (greyed, not pickable). */
  includeHistorical?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Pick a unit of the user's subtree; search ignores accents. */
export function UnitTreeSelect({
  id,
  value,
  onChange,
  placeholder,
  multiple,
  allowClear = true,
  disabledIds,
  includeHistorical,
  style,
  'aria-label': ariaLabel,
}: Props) {
  const { data, isLoading } = useOrgTree({ includeHistorical });
  const [lang] = useLang();
  const treeData = useMemo(() => {
    if (!data) return [];
    const toData = (n: UnitNode): TreeDataNode => {
      const u = n.unit;
      const ended = u.validTo ? ` (${lang === 'vi' ? 'đến' : 'until'} ${formatDate(u.validTo)})` : '';
      return {
        value: u.id,
        title: `${u.name}${ended}`,
        search: foldText(`${u.name} ${u.shortName ?? ''} ${u.code ?? ''}`),
        disabled: !!u.validTo || disabledIds?.has(u.id),
        children: n.children.length ? n.children.map(toData) : undefined,
      };
    };
    return buildUnitTree(data.units, data.rootIds).map(toData);
  }, [data, disabledIds, lang]);
  const defaultExpanded = useMemo(() => treeData.map((n) => n.value), [treeData]);

  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as number | number[] | undefined) ?? null)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder}
      multiple={multiple}
      allowClear={allowClear}
      showSearch={{
        filterTreeNode: (input, node) => (node as unknown as TreeDataNode).search.includes(foldText(input)),
      }}
      treeDefaultExpandedKeys={defaultExpanded}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 560, minWidth: 320 } } }}
      listHeight={360}
    />
  );
}
