import { Divider } from 'antd';
import { PersonAbroadPanel } from '../../features/abroad/components/person-abroad-panel';
import { PersonPostgraduatePanel } from '../../features/postgraduate/components/person-postgraduate-panel';
import { useCan, useMe } from '../../lib/auth';

/**
 * The training a person did outside classes (composed from two features): delegations abroad and
 * sponsored postgraduate study. A learner sees their own; officers see what their permissions allow.
 */
export function PersonTrainingTab({ personId, linked }: { personId: number; linked: boolean }) {
  const can = useCan();
  const me = useMe();
  const own = me.personId === personId && !linked;
  return (
    <>
      {own || can('abroad.read') ? (
        <PersonAbroadPanel personId={personId} linked={linked && can('abroad.read')} />
      ) : null}
      <Divider />
      {own || can('postgrad.read') ? (
        <PersonPostgraduatePanel personId={personId} linked={linked && can('postgrad.read')} />
      ) : null}
    </>
  );
}
