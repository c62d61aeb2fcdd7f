import type { ClassStatus } from '../../../contracts/classes';
import { ClassPage } from '../../features/classes/components/class-page';
import { GradebookCard } from '../../features/gradebook/components/gradebook-card';
import { NominationsCard } from '../../features/nominations/components/nominations-card';

/** Once a class runs its register is the daily work: it comes before the (long) list of learners sent. */
const REGISTER_FIRST: ClassStatus[] = ['running', 'finished', 'closed'];

/**
 * /classes/:id — the class (classes feature) with its nominations (nominations feature) and its
 * register of attendance, scores and results (gradebook feature) under the details.
 */
export function ClassRoutePage() {
  return (
    <ClassPage>
      {(c) => {
        const nominations = <NominationsCard classId={c.id} classCode={c.code} />;
        const register = <GradebookCard classId={c.id} status={c.status} />;
        return REGISTER_FIRST.includes(c.status) ? (
          <>
            {register}
            {nominations}
          </>
        ) : (
          <>
            {nominations}
            {register}
          </>
        );
      }}
    </ClassPage>
  );
}
