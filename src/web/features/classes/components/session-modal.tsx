import { App, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { type ClassDetail, useLecturerOptions, useProgrammeTopics, useSaveSession } from '../api/classes';
import { classesMessages } from '../messages';

type Session = ClassDetail['sessions'][number];
interface Values {
  day: string | null;
  startsAt: string;
  endsAt: string;
  topicCode: string | null;
  lecturerId: number | null;
  room: string | null;
  onlineUrl: string | null;
  note: string | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Add or change one session; the saved class comes back with its clash warnings. */
export function SessionModal({
  cls,
  editing,
  onClose,
}: {
  cls: ClassDetail;
  editing?: Session;
  onClose: () => void;
}) {
  const t = useT(classesMessages);
  const { message } = App.useApp();
  const save = useSaveSession(cls.id);
  const topics = useProgrammeTopics(cls.programmeId);
  const [q, setQ] = useState('');
  const lecturers = useLecturerOptions(useDebouncedValue(q, 300));
  const lecturerOptions = [
    ...(editing?.lecturerId ? [{ value: editing.lecturerId, label: editing.lecturerName ?? '' }] : []),
    ...(lecturers.data ?? [])
      .filter((l) => l.id !== editing?.lecturerId)
      .map((l) => ({ value: l.id, label: l.label })),
  ];

  const submit = async (v: Values) => {
    const c = await save.mutateAsync({
      sessionId: editing?.id ?? null,
      body: {
        day: v.day ?? '',
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        topicCode: v.topicCode ?? null,
        lecturerId: v.lecturerId ?? null,
        room: blank(v.room),
        onlineUrl: blank(v.onlineUrl),
        note: blank(v.note),
      },
    });
    if (c.clashes.length) message.warning(t('clashesTitle'));
    else message.success(t('saved'));
  };

  const time = (name: 'startsAt' | 'endsAt') => (
    <Form.Item
      name={name}
      label={t(name)}
      rules={[
        { required: true, message: t('required') },
        { pattern: TIME, message: 'HH:MM' },
      ]}
    >
      <Input placeholder="07:30" inputMode="numeric" maxLength={5} />
    </Form.Item>
  );

  return (
    <FormModal<Values>
      title={editing ? t('sessionTitleEdit', { day: formatDate(editing.day) }) : t('sessionTitleNew')}
      onClose={onClose}
      submit={submit}
      initialValues={editing ?? { day: cls.startsOn, startsAt: '07:30', endsAt: '11:00' }}
    >
      <Row gutter={12}>
        <Field span={10} name="day" label={t('day')} required={t('required')}>
          <DateInput />
        </Field>
        <Col span={7}>{time('startsAt')}</Col>
        <Col span={7}>{time('endsAt')}</Col>
      </Row>
      <Form.Item name="topicCode" label={t('topic')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(topics.data?.topics ?? []).map((tp) => ({
            value: tp.topicCode,
            label: `${tp.name} (${tp.periods} tiết)`,
          }))}
        />
      </Form.Item>
      <Form.Item name="lecturerId" label={t('lecturer')}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setQ }}
          options={lecturerOptions}
          loading={lecturers.isFetching}
        />
      </Form.Item>
      <Row gutter={12}>
        <Field span={10} name="room" label={t('room')}>
          <Input maxLength={100} />
        </Field>
        <Field span={14} name="onlineUrl" label={t('onlineUrl')} rules={[{ type: 'url' }]}>
          <Input maxLength={500} placeholder="https://" />
        </Field>
      </Row>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
