import {
  type EvaluationRates,
  type Language,
  type RateView,
  languages,
  rectificationRateDefinition,
} from '@wenming/contracts';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFraction, formatPercent } from '../format';

const keys = ['pass', 'excellent', 'compliance', 'rectification'] as const;

/** The exact value of a fraction as a percent with four decimals, for the tooltip. */
function exactPercent(r: RateView): string {
  if (r.denominator === 0) return '—';
  return `${((r.numerator / r.denominator) * 100).toFixed(4).replace(/\.?0+$/, '')}%`;
}

/** 合格率 / 优秀率 / 达标率 / 整改率 as printed (whole percents unless the evaluation asks for decimals). */
export function RateCards({ rates }: { rates: EvaluationRates }) {
  const { t, i18n } = useTranslation();
  const definition = rectificationRateDefinition[languages.indexOf(i18n.language as Language)] ?? '';
  return (
    <Row gutter={16}>
      {keys.map((k) => {
        const r = rates[k];
        return (
          <Col xs={12} lg={6} key={k}>
            <Card size="small">
              <Tooltip
                title={
                  <>
                    {t('evaluation.rateFraction', {
                      numerator: r.numerator,
                      denominator: r.denominator,
                      exact: exactPercent(r),
                    })}
                    {k === 'rectification' && <div>{definition}</div>}
                  </>
                }
              >
                <div data-testid={`rate-${k}`}>
                  <Statistic
                    title={t(`evaluation.rate.${k}`)}
                    value={formatPercent(r)}
                    suffix={
                      <span style={{ fontSize: 13, color: 'rgba(0,0,0,.45)', marginLeft: 8 }}>{formatFraction(r)}</span>
                    }
                  />
                </div>
              </Tooltip>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
