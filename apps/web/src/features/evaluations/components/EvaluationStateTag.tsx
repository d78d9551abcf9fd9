import type { EvaluationState } from '@wenming/contracts';
import { LoadingOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<EvaluationState, string> = {
  queued: 'default',
  computing: 'processing',
  done: 'success',
  failed: 'error',
};

export function EvaluationStateTag({ state }: { state: EvaluationState }) {
  const { t } = useTranslation();
  const busy = state === 'queued' || state === 'computing';
  return (
    <Tag color={colors[state]} icon={busy ? <LoadingOutlined /> : undefined}>
      {t(`evaluationState.${state}`)}
    </Tag>
  );
}
