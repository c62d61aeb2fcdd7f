import type { ClassStatus } from '../../../contracts/classes';
import { ClassCertificatesCard } from '../../features/certificates/components/class-certificates-card';
import { ClassPage } from '../../features/classes/components/class-page';
import { DocumentsCard } from '../../features/documents/components/documents-card';
import { NominationsCard } from '../../features/nominations/components/nominations-card';
import { ResultsCard } from '../../features/results/components/results-card';
import { ClassSpendingCard } from '../../features/spending/components/class-spending-card';

/** Once a class runs its register is the daily work: it comes before the (long) list of learners sent. */
const REGISTER_FIRST: ClassStatus[] = ['running', 'finished', 'closed'];

/**
 * /classes/:id — the class (classes feature) with, under the details, its certificates once it
 * finished (certificates feature), its official documents (documents feature), its register of attendance, scores and results (results
 * feature) and its nominations (nominations feature).
 */
export function ClassRoutePage() {
  return (
    <ClassPage>
      {(c) => {
        const nominations = <NominationsCard classId={c.id} classCode={c.code} />;
        const register = <ResultsCard classId={c.id} status={c.status} />;
        const certificates =
          c.status === 'finished' || c.status === 'closed' ? (
            <ClassCertificatesCard classId={c.id} status={c.status} />
          ) : null;
        // Spending: for whoever manages the class's money (ADR 039).
        const spending = (
          <ClassSpendingCard
            classId={c.id}
            endsOn={c.endsOn}
            show={c.canManage && c.status !== 'cancelled'}
          />
        );
        // Official documents (ADR 040): for whoever manages the class.
        const documents = c.canManage ? <DocumentsCard subject="class" id={c.id} what={c.code} /> : null;
        return REGISTER_FIRST.includes(c.status) ? (
          <>
            {documents}
            {spending}
            {certificates}
            {register}
            {nominations}
          </>
        ) : (
          <>
            {documents}
            {nominations}
            {register}
            {spending}
          </>
        );
      }}
    </ClassPage>
  );
}
