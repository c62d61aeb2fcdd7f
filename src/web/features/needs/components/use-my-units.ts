import { useMemo } from 'react';
import { useOrgTree } from '../../../lib/org-tree';

/** Ids of the units in my subtree (to know whether I hold a campaign root or a reviewer unit). */
export function useMyUnitIds(): ReadonlySet<number> {
  const { data } = useOrgTree();
  return useMemo(() => new Set((data?.units ?? []).map((u) => u.id)), [data]);
}
