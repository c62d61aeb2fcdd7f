import { App, Button, Descriptions, Form, Input, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { PersonPicker } from '../../../components/person-picker';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useNominate } from '../api/nominations';
import { bulkMessages } from '../bulk-messages';
import { nominationsMessages } from '../messages';
import { BulkNominate } from './bulk-nominate';
import { SuggestionsTable } from './suggestions-table';
import { useWarningGate } from './use-warning-gate';
import { CheckPanel } from './warnings';

interface Picked {
  personId: number;
  /** "Name — unit", as shown while choosing. */
  label: string;
}

/**
 * "Cử người đi học": pick someone (from the assistant's suggestions or by name), see whether they
 * would hold a seat or wait in line and what warnings there are, then send. The modal stays open
 * after sending, so a unit can send several people in a row.
 */
export function NominateModal({
  classId,
  classCode,
  onClose,
}: {
  classId: number;
  classCode: string;
  onClose: () => void;
}) {
  const t = useT(nominationsMessages);
  const tb = useT(bulkMessages);
  const [tab, setTab] = useState('suggestions');
  const [picked, setPicked] = useState<Picked | null>(null);
  // Kept here, not in the table: it survives the trip to the review step and back.
  const [unitId, setUnitId] = useState<number | null>(null);
  const [chosen, setChosen] = useState<{ id: number; label: string } | null>(null);
  const [note, setNote] = useState('');
  const gate = useWarningGate(classId, picked?.personId ?? null);
  const nominate = useNominate(classId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const pick = (p: Picked) => {
    setNote('');
    setPicked(p);
  };

  const send = () => {
    if (!picked) return;
    nominate.mutate(
      { personId: picked.personId, note: note.trim() || undefined, confirm: gate.confirm },
      {
        onSuccess: () => {
          message.success(t('sent', { name: picked.label }));
          setPicked(null);
          setChosen(null);
        },
        onError: (err) => {
          if (!gate.held(err)) onError(err);
        },
      },
    );
  };

  const checking = gate.check.isFetching;
  const footer = picked
    ? [
        <Button key="back" onClick={() => setPicked(null)}>
          {t('back')}
        </Button>,
        <Button
          key="send"
          type="primary"
          loading={nominate.isPending}
          disabled={checking || !!gate.check.error}
          onClick={send}
        >
          {gate.confirm ? t('sendAnyway') : t('send')}
        </Button>,
      ]
    : [
        <Button key="close" onClick={onClose}>
          {t('close')}
        </Button>,
      ];

  // A Modal, not a FormModal: a two-step picker (suggestions table, then review) that stays open
  // after each send so several people go in a row; FormModal closes on success.
  return (
    <Modal
      open
      width={picked ? 640 : 1240}
      title={t('nominateTitle', { code: classCode })}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
    >
      {picked ? (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('pickPerson')}>{picked.label}</Descriptions.Item>
          </Descriptions>
          <CheckPanel gate={gate} outcome />
          <Form layout="vertical">
            <Form.Item label={t('note')} htmlFor="nomination-note" style={{ marginBottom: 0 }}>
              <Input.TextArea
                id="nomination-note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'suggestions',
              label: t('tabSuggestions'),
              children: (
                <SuggestionsTable
                  classId={classId}
                  unitId={unitId}
                  onUnitId={setUnitId}
                  onPick={(s) => pick({ personId: s.personId, label: `${s.fullName} — ${s.unitName}` })}
                />
              ),
            },
            {
              key: 'bulk',
              label: tb('tabBulk'),
              children: <BulkNominate classId={classId} />,
            },
            {
              key: 'pick',
              label: t('tabPick'),
              children: (
                <Form layout="vertical" style={{ maxWidth: 560 }}>
                  <Form.Item label={t('pickPerson')} htmlFor="nomination-person">
                    <PersonPicker
                      id="nomination-person"
                      value={chosen?.id ?? null}
                      onChange={(id, label) => setChosen(id ? { id, label: label ?? String(id) } : null)}
                      placeholder={t('pickPlaceholder')}
                    />
                  </Form.Item>
                  <Button
                    type="primary"
                    disabled={!chosen}
                    onClick={() => chosen && pick({ personId: chosen.id, label: chosen.label })}
                  >
                    {t('next')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
