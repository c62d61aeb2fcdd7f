import { ClassCertificatesCard } from '../../features/certificates/components/class-certificates-card';
import { ClassPage } from '../../features/classes/components/class-page';
import { NominationsCard } from '../../features/nominations/components/nominations-card';

/** /classes/:id — the class (classes feature) with its nominations and certificates under the details. */
export function ClassRoutePage() {
  return (
    <ClassPage>
      {(c) => (
        <>
          <NominationsCard classId={c.id} classCode={c.code} />
          {c.status === 'finished' || c.status === 'closed' ? (
            <ClassCertificatesCard classId={c.id} status={c.status} />
          ) : null}
        </>
      )}
    </ClassPage>
  );
}
