import { ClassPage } from '../../features/classes/components/class-page';
import { NominationsCard } from '../../features/nominations/components/nominations-card';

/** /classes/:id — the class (classes feature) with its nominations (nominations feature) under the details. */
export function ClassRoutePage() {
  return <ClassPage>{(c) => <NominationsCard classId={c.id} classCode={c.code} />}</ClassPage>;
}
