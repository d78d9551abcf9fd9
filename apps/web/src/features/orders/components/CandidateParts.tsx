import type { OrderCandidateView } from '@wenming/contracts';
import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A candidate's score in its parts (points of max each), which add up to the score shown beside it. */
export function CandidateParts({ candidate }: { candidate: OrderCandidateView }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid={`parts-${candidate.volunteerId}`}>
      {candidate.parts.map((p) => (
        <div key={p.part} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
          <span style={{ width: 64 }}>{t(`disp.part.${p.part}`)}</span>
          <Progress percent={(100 * p.points) / p.max} showInfo={false} size="small" style={{ width: 60, margin: 0 }} />
          <span style={{ whiteSpace: 'nowrap' }}>
            {p.points} / {p.max}
            {p.part === 'distance' && candidate.measuredFrom ? ` · ${t(`disp.from.${candidate.measuredFrom}`)}` : ''}
          </span>
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('disp.partsTotal', { score: candidate.score })}
      </Typography.Text>
    </Space>
  );
}
