import { Divider } from 'antd';
import { AnnualRatingsSection } from './annual-ratings-section';
import { RewardsSection } from './rewards-section';

/** Tab of /people/:id and /me: yearly quality ratings, then rewards and discipline. */
export function PersonRatingsTab({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  return (
    <>
      <AnnualRatingsSection personId={personId} canEdit={canEdit} />
      <Divider />
      <RewardsSection personId={personId} canEdit={canEdit} />
    </>
  );
}
