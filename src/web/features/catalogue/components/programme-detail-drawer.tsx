import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Grid,
  List,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PROGRAMME_MODE_LABELS } from '../../../../contracts/catalogue';
import { QueryErrorResult } from '../../../components/results';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type ProgrammeDetail, useProgramme } from '../api/programmes';
import { catalogueMessages } from '../messages';
import { OverlapAlert } from './overlap-alert';

/** One programme: its fields, ordered topics, overlapping programmes and the standards it satisfies. */
export function ProgrammeDetailDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number;
  onClose: () => void;
  onEdit: (p: ProgrammeDetail) => void;
}) {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const screens = Grid.useBreakpoint();
  const { data: p, error, refetch } = useProgramme(id);

  return (
    <Drawer
      open
      onClose={onClose}
      title={p ? t('detailTitle', { code: p.code }) : t('loading')}
      size={screens.md ? 760 : '100%'}
      extra={
        p?.editable ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
            {t('edit')}
          </Button>
        ) : null
      }
    >
      {error && !p ? <QueryErrorResult error={error} onRetry={() => refetch()} /> : null}
      {!p && !error ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : null}
      {p ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {lang === 'vi' ? p.nameVi : p.nameEn}
          </Typography.Title>
          {!p.editable ? (
            <Alert
              type="info"
              showIcon
              title={t('readOnly', { unit: p.ownerUnitName })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Descriptions size="small" bordered column={1} styles={{ label: { width: 220 } }}>
            <Descriptions.Item label={t('code')}>{p.code}</Descriptions.Item>
            <Descriptions.Item label={t('nameEn')}>{p.nameEn}</Descriptions.Item>
            <Descriptions.Item label={t('kind')}>
              {label('programme_kind', p.kind)}
              {p.level ? ` – ${label(`level_${p.kind}`, p.level)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('periods')}>
              <span className="tabular">{p.periods.toLocaleString('vi-VN')}</span>{' '}
              <Typography.Text type="secondary">
                ({t('weeks', { n: (p.periods / 40).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) })})
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('mode')}>{PROGRAMME_MODE_LABELS[p.mode][lang]}</Descriptions.Item>
            <Descriptions.Item label={t('grants')}>
              {p.grantsKind && p.grantsLevel
                ? `${label('qualification_kind', p.grantsKind)} – ${label(`level_${p.grantsKind}`, p.grantsLevel)}`
                : t('noGrant')}
            </Descriptions.Item>
            <Descriptions.Item label={t('organisers')}>
              {p.organiserLevels.map((l) => (
                <Tag key={l}>{label('unit_level', l)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('effectiveFrom')}>
              {formatDate(p.effectiveFrom)}
              {p.effectiveTo ? ` – ${formatDate(p.effectiveTo)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              {p.active ? (
                <Tag color="green">{t('onlyActive')}</Tag>
              ) : (
                <Tag color="red">{t('onlyInactive')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('legalBasis')}>{p.legalBasis ?? t('none')}</Descriptions.Item>
            {p.description ? (
              <Descriptions.Item label={t('description')}>{p.description}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('owner')}>{p.ownerUnitName}</Descriptions.Item>
          </Descriptions>

          <Divider titlePlacement="start">{t('topics')}</Divider>
          <Table
            aria-label={t('topics')}
            size="small"
            rowKey="topicCode"
            pagination={false}
            dataSource={p.topics}
            locale={{ emptyText: t('noTopics') }}
            columns={[
              { title: t('stt'), key: 'stt', width: 50, align: 'right', render: (_v, _r, i) => i + 1 },
              {
                title: t('topicCode'),
                dataIndex: 'topicCode',
                width: 170,
                render: (v) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: t('topicName'), dataIndex: 'name' },
              {
                title: t('topicPeriods'),
                dataIndex: 'periods',
                width: 80,
                align: 'right',
                render: (v: number) => v.toLocaleString('vi-VN'),
              },
            ]}
          />

          <Divider titlePlacement="start">{t('tabOverlaps')}</Divider>
          <OverlapAlert overlaps={p.overlaps} />

          <Divider titlePlacement="start">{t('standards')}</Divider>
          <Typography.Paragraph type="secondary">{t('standardsHint')}</Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={p.standardsSatisfied}
            locale={{ emptyText: t('noStandards') }}
            renderItem={(s) => (
              <List.Item>
                <Typography.Text code>{s.code}</Typography.Text> {lang === 'vi' ? s.titleVi : s.titleEn}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Drawer>
  );
}
