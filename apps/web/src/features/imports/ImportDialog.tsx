import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { fieldLabels, type Language, type RowError, languages, translateError } from '@wenming/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Result, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { type ImportKind, type ImportResult, jobPercent, useJob, useStartImport } from './queries';

function fieldLabel(field: string | undefined, lang: Language): string {
  if (!field) return '';
  return fieldLabels[field]?.[languages.indexOf(lang)] ?? field;
}

/** Excel import: upload → 202 job → progress every 500 ms → created count, or every bad row with a report. */
export function ImportDialog({ kind, open, onClose }: { kind: ImportKind; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport(kind);
  const job = useJob(jobId);
  const status = job.data?.status;
  const result = (job.data?.result ?? {}) as ImportResult;

  useEffect(() => {
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: [kind] });
  }, [status, kind, queryClient]);

  const reset = () => {
    setFile(null);
    setJobId(null);
    start.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const begin = async () => {
    if (!file) return;
    const { jobId: id } = await start.mutateAsync(file);
    setJobId(id);
  };
  const jobError = job.data?.error;

  return (
    <Modal open={open} title={t(`import.title.${kind}`)} onCancel={close} footer={null} width={720} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('import.rule')}</Typography.Text>
        <a href={apiUrl(`${kind}/import-template.xlsx`)} download>
          <DownloadOutlined /> {t('import.template')}
        </a>
        {!jobId && (
          <>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('import.pickFile')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            <ApiErrorAlert error={start.error} />
            <Button
              type="primary"
              disabled={!file}
              loading={start.isPending}
              onClick={() => void begin().catch(() => {})}
            >
              {t('import.start')}
            </Button>
          </>
        )}
        {jobId && (
          <>
            <ApiErrorAlert error={job.error} />
            <div>
              <Typography.Text>
                {t('import.progress')}：{status ? t(`jobStatus.${status}`) : t('common.loading')}
              </Typography.Text>
              <Progress
                percent={jobPercent(job.data)}
                status={status === 'failed' ? 'exception' : status === 'done' ? 'success' : 'active'}
                aria-label={t('import.progress')}
              />
            </div>
            {status === 'done' && <Result status="success" title={t('import.done', { count: result.created ?? 0 })} />}
            {status === 'failed' && (
              <ImportFailure
                message={
                  jobError
                    ? /^[A-Z_]+$/.test(jobError)
                      ? translateError(jobError, lang)
                      : jobError
                    : t('import.failed')
                }
                rows={result.rows ?? []}
                reportFileId={result.errorReportFileId}
                fieldName={(f) => fieldLabel(f, lang)}
              />
            )}
            {(status === 'done' || status === 'failed') && <Button onClick={reset}>{t('import.again')}</Button>}
          </>
        )}
      </Flex>
    </Modal>
  );
}

function ImportFailure(props: {
  message: string;
  rows: RowError[];
  reportFileId?: string | null;
  fieldName: (f?: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={props.message}
        action={
          props.reportFileId ? (
            <a href={apiUrl(`files/${props.reportFileId}`)} download>
              <DownloadOutlined /> {t('import.errorReport')}
            </a>
          ) : undefined
        }
      />
      {props.rows.length > 0 && (
        <Table<RowError>
          size="small"
          title={() => t('import.rowErrors')}
          rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.message}`}
          dataSource={props.rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.field'), dataIndex: 'field', width: 160, render: (f?: string) => props.fieldName(f) },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
