import type { IndicatorScoreView } from '@wenming/contracts';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IndicatorNode, buildIndicatorTree, nodesWithLoss } from '../drill-tree';
import { formatScore } from '../format';

interface Props {
  rows: IndicatorScoreView[];
  /** Where a field standard's row leads (its points). */
  hrefOf: (row: IndicatorScoreView) => string;
}

/** The subject's indicator tree with scores; rows that lost points are highlighted, field standards open their points. */
export function IndicatorScoreTable({ rows, hrefOf }: Props) {
  const { t } = useTranslation();
  return (
    <Table<IndicatorNode>
      rowKey="indicatorId"
      size="small"
      pagination={false}
      dataSource={buildIndicatorTree(rows)}
      expandable={{ defaultExpandedRowKeys: nodesWithLoss(rows) }}
      onRow={(r) => ({ style: r.lost > 0 ? { background: '#fff1f0' } : undefined })}
      columns={[
        {
          title: t('evaluation.indicator'),
          key: 'name',
          render: (_, r) =>
            r.source === 'field' ? (
              <Link to={hrefOf(r)}>
                {r.code} {r.name}
              </Link>
            ) : (
              <span>
                {r.code} {r.name}
              </span>
            ),
        },
        {
          title: t('evaluation.source'),
          dataIndex: 'source',
          width: 110,
          render: (v: string) => t(`evaluationSource.${v}`),
        },
        {
          title: t('evaluation.fullPoints'),
          dataIndex: 'fullPoints',
          width: 90,
          render: (v: number) => formatScore(v),
        },
        { title: t('evaluation.score'), dataIndex: 'score', width: 90, render: (v: number) => formatScore(v) },
        {
          title: t('evaluation.lost'),
          dataIndex: 'lost',
          width: 90,
          render: (v: number) =>
            v > 0 ? (
              <Typography.Text type="danger" strong>
                -{formatScore(v)}
              </Typography.Text>
            ) : (
              '0'
            ),
        },
        {
          title: t('evaluation.metApplicable'),
          key: 'met',
          width: 130,
          render: (_, r) =>
            r.notSampled ? (
              <Tag>{t('evaluation.notSampledTag')}</Tag>
            ) : r.met !== null && r.applicable !== null ? (
              `${r.met}/${r.applicable}`
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
