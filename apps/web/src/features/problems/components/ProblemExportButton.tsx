// 导出: the list as Excel with its current filters. Up to 2,000 rows download at once; a larger list is written by a
// job whose progress shows in a dialog, then downloads as a file.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QueryParams, api, apiUrl } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { jobPercent, useJob } from '../../imports/queries';

export const EXPORT_DIRECT_LIMIT = 2_000;

export function ProblemExportButton(props: { filters: QueryParams; total: number | undefined; exact: boolean }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<{ jobId: string; total: number }>('problems/export-jobs', props.filters),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const job = useJob(jobId);
  const direct = props.exact && (props.total ?? 0) <= EXPORT_DIRECT_LIMIT;
  const result = job.data?.result as { fileId?: string; rows?: number } | null | undefined;
  const done = job.data?.status === 'done' && result?.fileId;
  return (
    <>
      {direct ? (
        <Button icon={<DownloadOutlined />} href={apiUrl('problems/export.xlsx', props.filters)}>
          {t('problem.export')}
        </Button>
      ) : (
        <Button icon={<DownloadOutlined />} loading={start.isPending} onClick={() => start.mutate()}>
          {t('problem.export')}
        </Button>
      )}
      <Modal
        open={!!jobId || start.isError}
        title={t('problem.exportJob')}
        onCancel={() => {
          setJobId(null);
          start.reset();
        }}
        footer={
          done ? (
            <Button type="primary" icon={<DownloadOutlined />} href={apiUrl(`files/${result?.fileId}`)}>
              {t('problem.exportDownload')}
            </Button>
          ) : null
        }
      >
        <ApiErrorAlert error={start.error ?? job.error} />
        {job.data && (
          <>
            <Progress
              percent={jobPercent(job.data)}
              status={job.data.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
            />
            {done && <Alert type="success" showIcon title={t('problem.exportReady', { rows: result?.rows })} />}
            {job.data.status === 'failed' && <Alert type="error" showIcon title={job.data.error ?? ''} />}
          </>
        )}
      </Modal>
    </>
  );
}
