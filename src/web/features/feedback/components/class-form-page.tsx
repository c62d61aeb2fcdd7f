import { Alert } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useAnswerMyClass, useMyClassForm } from '../api/feedback';
import { feedbackMessages } from '../messages';
import { ScoreForm } from './score-form';

/** /feedback/classes/:classId — the learner's level-1 form of one class (read only once sent). */
export function ClassFormPage() {
  const t = useT(feedbackMessages);
  const classId = Number(useParams().classId);
  const { data, error, isPending, refetch } = useMyClassForm(classId);
  const answer = useAnswerMyClass(classId);

  if (!Number.isInteger(classId) || classId <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !data) return <PageSpinner />;
  const c = data.class;

  return (
    <div style={{ maxWidth: 860 }}>
      <BackCrumb to="/feedback/classes" label={t('backToMine')} current={c.code} />
      <PageHeader
        title={t('formTitle', { code: c.code })}
        subtitle={`${c.name} · ${c.institutionName ?? c.programmeName} · ${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`}
      />
      {data.answer ? null : (
        <Alert type="info" showIcon title={t('anonymousHint')} style={{ marginBottom: 12 }} />
      )}
      <ScoreForm
        form={data.form}
        lecturers={data.lecturers}
        answer={data.answer}
        onSubmit={(body) => answer.mutateAsync(body)}
        pending={answer.isPending}
      />
    </div>
  );
}
