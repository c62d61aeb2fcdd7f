import { Alert, App, Button, Card, Form, Input, Rate, Typography } from 'antd';
import type { FeedbackForm, FeedbackQuestion, QuestionTarget } from '../../../../contracts/feedback';
import { Field } from '../../../kit/field';
import { formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import type { AnswerInput, ClassFeedbackForm } from '../api/feedback';
import { feedbackMessages } from '../messages';

type Answer = ClassFeedbackForm['answer'];
type Lecturer = { id: number; fullName: string };

const keyOf = (code: string, lecturerId: number | null) => `${code}|${lecturerId ?? ''}`;

interface Section {
  key: string;
  title: string;
  lecturerId: number | null;
  questions: FeedbackQuestion[];
}

/** The form's questions in sections: class, one per lecturer, organisation, work. */
function sectionsOf(
  form: FeedbackForm,
  lecturers: Lecturer[],
  title: (t: QuestionTarget, name?: string) => string,
) {
  const of = (target: QuestionTarget) => form.questions.filter((q) => q.target === target);
  const sections: Section[] = [];
  const push = (target: QuestionTarget, lecturerId: number | null = null, name?: string) => {
    const questions = of(target);
    if (questions.length)
      sections.push({
        key: `${target}-${lecturerId ?? ''}`,
        title: title(target, name),
        lecturerId,
        questions,
      });
  };
  push('class');
  for (const l of lecturers) push('lecturer', l.id, l.fullName);
  push('organisation');
  push('work');
  return sections;
}

/**
 * A feedback form on a 1-5 scale (antd Rate, each level named by the form's scale) with a free
 * comment; read only once answered. Submitting asks for confirmation: an answer is final.
 */
export function ScoreForm({
  form,
  lecturers,
  answer,
  onSubmit,
  pending,
}: {
  form: FeedbackForm;
  lecturers: Lecturer[];
  answer: Answer;
  onSubmit: (body: AnswerInput) => Promise<unknown>;
  pending: boolean;
}) {
  const t = useT(feedbackMessages);
  const [lang] = useLang();
  const [antForm] = Form.useForm<Record<string, number | string | undefined>>();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const scale = form.scale.map((s) => s[lang]);
  const sections = sectionsOf(form, lecturers, (target, name) =>
    target === 'lecturer'
      ? t('sectionLecturer', { name: name ?? '' })
      : t(`section${target[0].toUpperCase()}${target.slice(1)}` as 'sectionClass'),
  );
  const given = new Map(answer?.scores.map((s) => [keyOf(s.questionCode, s.lecturerId), s.score]));
  const initial = answer ? { ...Object.fromEntries(given), comment: answer.comment ?? '' } : undefined;

  const submit = (values: Record<string, number | string | undefined>) => {
    const scores = sections.flatMap((s) =>
      s.questions.map((q) => ({
        questionCode: q.code,
        lecturerId: s.lecturerId,
        score: Number(values[keyOf(q.code, s.lecturerId)]),
      })),
    );
    const comment = String(values.comment ?? '').trim() || null;
    modal.confirm({
      title: t('confirmSubmit'),
      okText: t('submit'),
      cancelText: t('cancel'),
      onOk: () =>
        onSubmit({ formId: form.id, scores, comment })
          .then(() => message.success(t('submitted')))
          .catch((err) => onError(err)),
    });
  };

  return (
    <Form form={antForm} layout="vertical" onFinish={submit} initialValues={initial} disabled={!!answer}>
      {answer ? (
        <Alert
          type="success"
          showIcon
          title={t('answeredOn', { date: formatDateTime(answer.answeredAt) })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {sections.map((s) => (
        <Card key={s.key} size="small" title={s.title} style={{ marginBottom: 12 }}>
          {s.questions.map((q) => (
            <Field
              key={q.code}
              name={keyOf(q.code, s.lecturerId)}
              label={q[lang]}
              required={t('rateRequired')}
              style={{ marginBottom: 12 }}
            >
              <Rate
                tooltips={scale}
                aria-label={s.lecturerId === null ? q[lang] : `${q[lang]} – ${s.title}`}
                style={{ fontSize: 28 }}
              />
            </Field>
          ))}
        </Card>
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {scale.map((label, i) => `${i + 1}: ${label}`).join(' · ')}
      </Typography.Paragraph>
      <Form.Item name="comment" label={t('comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} placeholder={t('commentPlaceholder')} maxLength={2000} showCount />
      </Form.Item>
      {answer ? null : (
        <Button type="primary" htmlType="submit" loading={pending} size="large">
          {t('submit')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('formVersion', { version: form.version })}
      </Typography.Paragraph>
    </Form>
  );
}
