import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select, Space, Spin, Upload } from 'antd';
import { useState } from 'react';
import {
  CLASS_KINDS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKind,
} from '../../../../contracts/imports';
import { PageHeader } from '../../../components/page-header';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ImportBatch, templateUrl, useUploadSheet } from '../api/imports';
import { importsMessages } from '../messages';
import { ClassPicker } from './class-picker';
import { ImportHistory } from './import-history';
import { ImportPreview } from './import-preview';

const UNIT_KINDS = ['people', 'units', 'plans'] as const;
type UnitKind = (typeof UNIT_KINDS)[number];
const isUnitKind = (k: ImportKind): k is UnitKind => (UNIT_KINDS as readonly ImportKind[]).includes(k);

/** "Nhập dữ liệu": kind, template, upload and check, preview with every error, write, history. */
export function ImportsPage() {
  const t = useT(importsMessages);
  const [lang] = useLang();
  const onError = useApiErrorHandler();
  const upload = useUploadSheet();
  const [kind, setKind] = useState<ImportKind>('people');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [classId, setClassId] = useState<number | undefined>();
  const forClass = CLASS_KINDS.includes(kind);
  // The default unit: where staff rows go, under which unit rows hang, whose plan lines are.
  const forUnit = isUnitKind(kind);
  // A results template lists the class's assessments and learners: it needs the class.
  const noTemplate = kind === 'results' && !classId;
  const [batch, setBatch] = useState<ImportBatch | null>(null);

  const check = (file: File) => {
    setBatch(null);
    upload.mutate(
      { kind, file, unitId: forUnit ? unitId : undefined, classId: forClass ? classId : undefined },
      { onSuccess: setBatch, onError: (e) => onError(e) },
    );
    return false;
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={8}>
              <Form.Item label={t('kind')} htmlFor="import-kind">
                <Select
                  id="import-kind"
                  value={kind}
                  onChange={(k) => {
                    setKind(k);
                    setBatch(null);
                  }}
                  options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k][lang] }))}
                />
              </Form.Item>
            </Col>
            {isUnitKind(kind) ? (
              <Col xs={24} md={8}>
                <Form.Item label={t('unit')} htmlFor="import-unit" extra={t(`unitHelp_${kind}`)}>
                  <UnitTreeSelect
                    id="import-unit"
                    value={unitId}
                    onChange={(v) => setUnitId(v as number | undefined)}
                  />
                </Form.Item>
              </Col>
            ) : null}
            {forClass ? (
              <Col xs={24} md={12}>
                <Form.Item
                  label={t('class')}
                  htmlFor="import-class"
                  extra={kind === 'roster' ? t('classHelp_roster') : t('classHelp_results')}
                >
                  <ClassPicker
                    id="import-class"
                    value={classId}
                    onChange={(v) => {
                      setClassId(v);
                      setBatch(null);
                    }}
                  />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(kind, 'xlsx', classId)}
              disabled={noTemplate}
              download
            >
              {t('templateXlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(kind, 'csv', classId)}
              disabled={noTemplate}
              download
            >
              {t('templateCsv')}
            </Button>
            <Upload
              accept=".xlsx,.csv,text/csv"
              showUploadList={false}
              beforeUpload={check}
              disabled={forClass && !classId}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={upload.isPending}
                disabled={forClass && !classId}
              >
                {t('chooseFile')}
              </Button>
            </Upload>
          </Space>
        </Form>
      </Card>
      {upload.isPending ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Spin /> {t('checking')}
        </Card>
      ) : null}
      {batch ? <ImportPreview key={batch.id} batch={batch} onDone={setBatch} /> : null}
      <ImportHistory />
    </>
  );
}
