import { DownloadOutlined } from '@ant-design/icons';
import { fieldLabels, type Language, languages, translateError } from '@wenming/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Progress, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ImportFailure, ImportFilePicker } from './ImportParts';
import { type ImportKind, type ImportResult, jobPercent, useJob, useStartImport } from './queries';

function fieldLabel(field: string | undefined, lang: Language): string {
  if (!field) return '';
  return fieldLabels[field]?.[languages.indexOf(lang)] ?? field;
}

interface ImportDialogProps {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
  /** Collection path when it is not `kind` (a campaign's tasks: `campaigns/{id}/tasks`). */
  path?: string;
}

/** Excel import: upload → 202 job → progress every 500 ms → created count, or every bad row with a report. */
export function ImportDialog({ kind, open, onClose, path = kind }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport(path);
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
        <a href={apiUrl(`${path}/import-template.xlsx`)} download>
          <DownloadOutlined /> {t('import.template')}
        </a>
        {!jobId && (
          <>
            <ImportFilePicker file={file} onChange={setFile} />
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
