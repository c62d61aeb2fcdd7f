import { Alert } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { formatDate, todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useAnswerEffectiveness, useEffectivenessForm } from '../api/feedback';
import { feedbackMessages } from '../messages';
import { ScoreForm } from './score-form';

/** /feedback/effectiveness/:nominationId — the level-3 form about one learner and class. */
export function EffectivenessFormPage() {
  const t = useT(feedbackMessages);
  const nominationId = Number(useParams().nominationId);
  const { data, error, isPending, refetch } = useEffectivenessForm(nominationId);
  const answer = useAnswerEffectiveness(nominationId);

  if (!Number.isInteger(nominationId) || nominationId <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !data) return <PageSpinner />;
  const { item } = data;
  const early = !data.answer && item.dueOn > todayIso();

  return (
    <div style={{ maxWidth: 860 }}>
      <BackCrumb to="/feedback/effectiveness" label={t('backToEff')} current={item.personName} />
      <PageHeader
        title={t('effFormTitle', { name: item.personName })}
        subtitle={t('effFormSubtitle', {
          code: item.classCode,
          programme: item.programmeName,
          date: formatDate(item.endsOn),
        })}
      />
      {early ? (
        <Alert
          type="warning"
          showIcon
          title={t('notDueYet', { date: formatDate(item.dueOn) })}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <ScoreForm
          form={data.form}
          lecturers={[]}
          answer={data.answer}
          onSubmit={(body) => answer.mutateAsync(body)}
          pending={answer.isPending}
        />
      )}
    </div>
  );
}
