import { ClassPage } from '../../features/classes/components/class-page';
import { GradebookCard } from '../../features/gradebook/components/gradebook-card';
import { NominationsCard } from '../../features/nominations/components/nominations-card';

/**
 * /classes/:id — the class (classes feature) with its nominations (nominations feature) and its
 * register of attendance, scores and results (gradebook feature) under the details.
 */
export function ClassRoutePage() {
  return (
    <ClassPage>
      {(c) => (
        <>
          <NominationsCard classId={c.id} classCode={c.code} />
          <GradebookCard classId={c.id} status={c.status} />
        </>
      )}
    </ClassPage>
  );
}
