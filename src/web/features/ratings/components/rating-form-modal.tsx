import { App, Form, Input, InputNumber, Row } from 'antd';
import { useEffect } from 'react';
import { ratingFromPoints } from '../../../../contracts/rules';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { type AnnualRating, type PutRatingInput, usePutRating, useRatingScale } from '../api/ratings';
import { defaultRatingYear, formatPoints, MIN_YEAR } from '../distribution';
import { ratingMessages } from '../messages';

interface Values {
  year: number | null;
  points: number | null;
  rating: string | null;
  note: string | null;
}

/**
 * Record (or replace) one year's rating. The scale of that year for this person (by their
 * category at the year's end) comes from the server; with it the rating the points give is shown
 * while typing, by the same pure function the server decides with. Criteria years take no points.
 */
export function RatingFormModal({
  personId,
  existing,
  editing,
  onClose,
}: {
  personId: number;
  /** The ratings already recorded: choosing one of their years asks before replacing. */
  existing: AnnualRating[];
  editing?: AnnualRating;
  onClose: () => void;
}) {
  const t = useT(ratingMessages);
  const label = useCodeLabel();
  const [form] = Form.useForm<Values>();
  const points = Form.useWatch('points', form);
  const year = Form.useWatch('year', form);
  const scaleOfYear = useRatingScale(personId, year).data;
  const noPoints = scaleOfYear?.scale === null;
  const preview = scaleOfYear?.scale && points != null ? ratingFromPoints(scaleOfYear.scale, points) : null;
  // A criteria year takes no points: drop any typed for another year, so the rating can be picked.
  useEffect(() => {
    if (noPoints && form.getFieldValue('points') != null) form.setFieldValue('points', null);
  }, [noPoints, form]);
  const put = usePutRating(personId);
  const { modal } = App.useApp();
  const maxYear = new Date().getFullYear();
  const byPoints = !noPoints && points !== null && points !== undefined;

  const submit = (v: Values): Promise<AnnualRating | false> => {
    const year = v.year!;
    const note = v.note?.trim() ? v.note.trim() : null;
    // With points the server derives the rating; sending ours too could only contradict it.
    const body: PutRatingInput = byPoints ? { points: v.points!, note } : { rating: v.rating!, note };
    const save = () => put.mutateAsync({ year, body });
    const before = editing ? undefined : existing.find((r) => r.year === year);
    if (!before) return save();
    return new Promise((resolve) =>
      modal.confirm({
        title: t('replaceTitle', { year }),
        content: t('replaceText', {
          year,
          rating: label('annual_rating', before.rating),
          points: before.points == null ? '' : t('replacePoints', { points: formatPoints(before.points) }),
        }),
        okText: t('replaceOk'),
        okButtonProps: { danger: true },
        cancelText: t('cancel'),
        // The form's OK spins while it is sent; its error shows on the form.
        onOk: () => resolve(save()),
        onCancel: () => resolve(false),
      }),
    );
  };

  return (
    <FormModal<Values, AnnualRating>
      form={form}
      title={editing ? t('editRatingTitle', { year: editing.year }) : t('addRatingTitle')}
      onClose={onClose}
      submit={submit}
      success={(r) =>
        t('ratingSaved', {
          year: r.year,
          rating: label('annual_rating', r.rating),
          points: r.points == null ? '' : t('ratingSavedPoints', { points: formatPoints(r.points) }),
        })
      }
      okText={t('save')}
      cancelText={t('cancel')}
      width={600}
      mask={{ closable: false }}
      initialValues={
        editing
          ? { year: editing.year, points: editing.points, rating: editing.rating, note: editing.note }
          : { year: defaultRatingYear(), points: null, rating: null, note: null }
      }
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          if ('points' in changed && changed.points != null) form.setFieldValue('rating', null);
          // A rating picked after a "points or rating" error clears it on the points field too.
          if ('rating' in changed || 'points' in changed)
            form.setFields([
              { name: 'points', errors: [] },
              { name: 'rating', errors: [] },
            ]);
        },
      }}
    >
      <Row gutter={16}>
        <Field
          xs={24}
          sm={8}
          name="year"
          label={t('ratingYear')}
          rules={[
            { required: true, message: t('required') },
            {
              type: 'number',
              min: MIN_YEAR,
              max: maxYear,
              message: t('yearRange', { min: MIN_YEAR, max: maxYear }),
            },
          ]}
        >
          <InputNumber
            min={MIN_YEAR}
            max={maxYear}
            precision={0}
            controls
            disabled={!!editing}
            style={{ width: '100%' }}
          />
        </Field>
        <Field
          xs={24}
          sm={16}
          name="points"
          label={t('pointsLabel')}
          extra={
            preview && scaleOfYear?.scale
              ? t('pointsPreview', {
                  points: formatPoints(points as number),
                  rating: label('annual_rating', preview),
                  scale: scaleOfYear.scale.code,
                })
              : noPoints
                ? t('pointsNotUsed', { year: year ?? '' })
                : t('pointsHelp')
          }
        >
          <InputNumber
            min={0}
            max={100}
            step={0.5}
            decimalSeparator=","
            disabled={noPoints}
            style={{ width: '100%' }}
          />
        </Field>
        <Field
          span={24}
          name="rating"
          label={t('rating')}
          extra={byPoints ? undefined : t('ratingHelp')}
          rules={[
            {
              validator: (_r, value) =>
                value || form.getFieldValue('points') != null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pointsOrRating'))),
            },
          ]}
        >
          <CodeSelect
            list="annual_rating"
            disabled={byPoints}
            placeholder={byPoints ? t('ratingFromPoints') : undefined}
          />
        </Field>
        <Field span={24} name="note" label={t('noteLabel')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} placeholder={t('notePlaceholder')} />
        </Field>
      </Row>
    </FormModal>
  );
}
