import type { EvaluationView, JobView } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';

/** While the job computes: its progress (polled); when it failed: the reason. */
export function EvaluationProgress({ evaluation }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const pending = evaluation.state === 'queued' || evaluation.state === 'computing';
  const job = useQuery({
    queryKey: ['jobs', evaluation.jobId],
    queryFn: ({ signal }) => api.get<JobView>(`jobs/${evaluation.jobId}`, undefined, { signal }),
    enabled: pending && !!evaluation.jobId,
    refetchInterval: 1000,
    retry: false,
  });
  if (evaluation.state === 'failed')
    return <Alert type="error" showIcon title={t('evaluation.failed')} description={evaluation.error ?? undefined} />;
  if (!pending) return null;
  const total = job.data?.progressTotal ?? 0;
  const done = job.data?.progress ?? 0;
  return (
    <Result
      status="info"
      icon={
        total ? (
          <Progress type="circle" percent={Math.round((done / total) * 100)} status="active" />
        ) : (
          <Spin size="large" />
        )
      }
      title={total ? t('evaluation.computingProgress', { done, total }) : t(`evaluationState.${evaluation.state}`)}
      subTitle={t('evaluation.computing')}
    />
  );
}
