import { type EvaluationResultView, type EvaluationScheme, weightedParts } from '@wenming/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../format';

/**
 * 得分构成: each component's points of its share (实地考察 69.56/70 + 问卷调查 10/10 + 问题整改 20/20), minus the
 * negative list, equals the score shown beside it. The parts are rounded so that they add up to the cent.
 */
export function ScoreBreakdown({ result, scheme }: { result: EvaluationResultView; scheme: EvaluationScheme }) {
  const { t } = useTranslation();
  if (result.score === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (result.vetoed) return <Typography.Text type="danger">{t('evaluation.breakdownVetoed')}</Typography.Text>;
  const parts = weightedParts(result.components, scheme.fullScore, scheme.notSampled);
  const shown = parts.map((p) =>
    p.points === null
      ? t('evaluation.breakdownDropped', { kind: t(`evaluationComponentKind.${p.kind}`) })
      : `${t(`evaluationComponentKind.${p.kind}`)} ${formatScore(p.points)}/${formatScore(p.max)}`,
  );
  const negative =
    result.negativeDeduction > 0
      ? ` − ${t('evaluation.negativeDeduction')} ${formatScore(result.negativeDeduction)}`
      : '';
  return (
    <Typography.Text data-testid="score-breakdown">
      {shown.join(' + ')}
      {negative} = <Typography.Text strong>{formatScore(result.score)}</Typography.Text>
    </Typography.Text>
  );
}
