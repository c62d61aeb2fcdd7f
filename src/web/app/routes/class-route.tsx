import { ClassCertificatesCard } from '../../features/certificates/components/class-certificates-card';
import { ClassPage } from '../../features/classes/components/class-page';

/** /classes/:id — the class page with the cards of the features that hang on a class. */
export function ClassRoute() {
  return (
    <ClassPage
      cards={(c) =>
        c.status === 'finished' || c.status === 'closed' ? (
          <ClassCertificatesCard classId={c.id} status={c.status} />
        ) : null
      }
    />
  );
}
