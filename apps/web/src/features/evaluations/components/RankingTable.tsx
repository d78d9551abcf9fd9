import type { EvaluationResultView, EvaluationScheme } from '@wenming/contracts';
import { Space, type TablePaginationConfig, Tag, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMovement, formatScore, tiedRanks } from '../format';
import { ScoreBreakdown } from './ScoreBreakdown';

const movementColor = { up: '#389e0d', down: '#cf1322', same: 'rgba(0,0,0,.45)', none: 'rgba(0,0,0,.45)' };

/** `↑2` green, `↓1` red, `—` grey. */
export function Movement({ change }: { change: number | null }) {
  const { t } = useTranslation();
  const m = formatMovement(change);
  return (
    <Typography.Text
      style={{ color: movementColor[m.direction], whiteSpace: 'nowrap', fontWeight: 500 }}
      title={t(`evaluation.movement.${m.direction}`, { n: Math.abs(change ?? 0) })}
    >
      {m.text}
    </Typography.Text>
  );
}

/** The standing of a subject: 合格/不合格, 优秀, 红榜, 黑榜, 约谈, 一票否决. */
export function ResultTags({ r }: { r: EvaluationResultView }) {
  const { t } = useTranslation();
  if (r.score === null) return <Tag>{t('evaluation.notEvaluated')}</Tag>;
  return (
    <Space size={4} wrap>
      {r.excellent ? (
        <Tag color="red">{t('evaluation.excellent')}</Tag>
      ) : r.passed ? (
        <Tag color="gold">{t('evaluation.passed')}</Tag>
      ) : (
        <Tag>{t('evaluation.notPassed')}</Tag>
      )}
      {r.redList && <Tag color="#c8161d">{t('evaluation.redList')}</Tag>}
      {r.blackList && <Tag color="#262626">{t('evaluation.blackList')}</Tag>}
      {r.summons && <Tag color="volcano">{t('evaluation.summons')}</Tag>}
      {r.vetoed && <Tag color="magenta">{t('evaluation.vetoed')}</Tag>}
      {r.suspended && <Tag color="purple">{t('evaluation.suspended')}</Tag>}
    </Space>
  );
}

interface Props {
  evaluationId: string;
  items: EvaluationResultView[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** The evaluation's scheme: with it, each row expands to its 得分构成 (the parts that add up to its score). */
  scheme?: EvaluationScheme;
}

/**
 * One level's ranking: rank (ties shared and marked), movement, score, standing; the subject opens its drill-down,
 * and each row expands to the breakdown of its score.
 */
export function RankingTable({ evaluationId, items, loading, pagination, scheme }: Props) {
  const { t } = useTranslation();
  const ties = tiedRanks((items ?? []).map((r) => r.rank));
  return (
    <DataTable<EvaluationResultView>
      tableId="ranking"
      rowKey={(r) => r.subject.key}
      loading={loading}
      dataSource={items}
      pagination={pagination}
      size="middle"
      expandable={
        scheme
          ? {
              rowExpandable: (r) => r.score !== null,
              expandedRowRender: (r) => (
                <span>
                  <Typography.Text type="secondary">{t('evaluation.breakdown')}：</Typography.Text>
                  <ScoreBreakdown result={r} scheme={scheme} />
                </span>
              ),
            }
          : undefined
      }
      columns={[
        {
          title: t('evaluation.rank'),
          dataIndex: 'rank',
          width: 100,
          render: (rank: number | null) =>
            rank === null ? (
              '—'
            ) : (
              <Space size={4}>
                <Typography.Text strong>{rank}</Typography.Text>
                {ties.has(rank) && <Tag>{t('evaluation.tied')}</Tag>}
              </Space>
            ),
        },
        {
          title: t('evaluation.movement'),
          dataIndex: 'rankChange',
          width: 80,
          render: (v: number | null) => <Movement change={v} />,
        },
        {
          title: t('evaluation.subject'),
          key: 'subject',
          render: (_, r) => (
            <Link to={`/evaluations/${evaluationId}/drill?subject=${encodeURIComponent(r.subject.key)}`}>
              {r.subject.name}
            </Link>
          ),
        },
        {
          title: t('evaluation.score'),
          key: 'score',
          width: 140,
          render: (_, r) => (
            <span>
              <Typography.Text strong>{formatScore(r.score)}</Typography.Text>
              <Typography.Text type="secondary"> / {formatScore(r.fullScore)}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('evaluation.previousScore'),
          dataIndex: 'previousScore',
          width: 100,
          render: (v: number | null) => formatScore(v),
        },
        { title: t('evaluation.tags'), key: 'tags', width: 240, render: (_, r) => <ResultTags r={r} /> },
      ]}
    />
  );
}
