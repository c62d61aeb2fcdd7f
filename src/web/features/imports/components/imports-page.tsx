import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select, Space, Spin, Upload } from 'antd';
import { useState } from 'react';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../../contracts/imports';
import { PageHeader } from '../../../components/page-header';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ImportBatch, templateUrl, useUploadSheet } from '../api/imports';
import { importsMessages } from '../messages';
import { ImportHistory } from './import-history';
import { ImportPreview } from './import-preview';

/** Kinds the server imports today (roster and results are not built yet). */
const KINDS: ImportKind[] = ['people', 'qualifications', 'ratings'];

/** "Nhập dữ liệu": kind, template, upload and check, preview with every error, write, history. */
export function ImportsPage() {
  const t = useT(importsMessages);
  const [lang] = useLang();
  const onError = useApiErrorHandler();
  const upload = useUploadSheet();
  const [kind, setKind] = useState<ImportKind>('people');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [batch, setBatch] = useState<ImportBatch | null>(null);

  const check = (file: File) => {
    setBatch(null);
    upload.mutate({ kind, file, unitId }, { onSuccess: setBatch, onError: (e) => onError(e) });
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
                  options={KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k][lang] }))}
                />
              </Form.Item>
            </Col>
            {kind === 'people' ? (
              <Col xs={24} md={8}>
                <Form.Item label={t('unit')} htmlFor="import-unit" extra={t('unitHelp')}>
                  <UnitTreeSelect
                    id="import-unit"
                    value={unitId}
                    onChange={(v) => setUnitId(v as number | undefined)}
                  />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'xlsx')} download>
              {t('templateXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'csv')} download>
              {t('templateCsv')}
            </Button>
            <Upload accept=".xlsx,.csv,text/csv" showUploadList={false} beforeUpload={check}>
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
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
