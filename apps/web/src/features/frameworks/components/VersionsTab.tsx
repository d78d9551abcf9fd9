import { DiffOutlined } from '@ant-design/icons';
import type { FrameworkStatus, FrameworkView } from '@wenming/contracts';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useVersions } from '../queries';
import { FrameworkDiffView } from './FrameworkDiffView';
import { FrameworkStatusTag } from './FrameworkStatusTag';

/** 版本历史: every version of the family; ticking two and pressing 对比 shows what changed from the older one. */
export function VersionsTab({ framework }: { framework: FrameworkView }) {
  const { t } = useTranslation();
  const versions = useVersions(framework.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<{ from: string; to: string } | null>(null);
  const byId = new Map((versions.data ?? []).map((v) => [v.id, v]));

  const compare = () => {
    const [a, b] = picked.map((id) => byId.get(id)!).sort((x, y) => x.version - y.version);
    setCompared({ from: a.id, to: b.id });
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('version.pickTwo')}</Typography.Text>
        <Button type="primary" icon={<DiffOutlined />} disabled={picked.length !== 2} onClick={compare}>
          {t('version.compare')}
        </Button>
      </Flex>
      <ApiErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      <Table<FrameworkView>
        rowKey="id"
        size="small"
        loading={versions.isFetching}
        dataSource={versions.data}
        pagination={false}
        rowSelection={{
          selectedRowKeys: picked,
          // Two at most: a third tick replaces the older pick.
          onChange: (keys) => setPicked(keys.map(String).slice(-2)),
          columnTitle: t('version.compare'),
        }}
        columns={[
          {
            title: t('framework.version'),
            dataIndex: 'version',
            render: (v: number, f) =>
              f.id === framework.id ? (
                <>
                  {t('framework.versionN', { version: v })} <Tag>{t('version.current')}</Tag>
                </>
              ) : (
                <Link to={`/frameworks/${f.id}`}>{t('framework.versionN', { version: v })}</Link>
              ),
          },
          {
            title: t('framework.status'),
            dataIndex: 'status',
            render: (s: FrameworkStatus) => <FrameworkStatusTag status={s} />,
          },
          { title: t('framework.indicatorCount'), dataIndex: 'indicatorCount' },
          { title: t('framework.totalPoints'), dataIndex: 'totalPoints' },
          { title: t('framework.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('framework.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {compared && <FrameworkDiffView id={compared.to} against={compared.from} />}
    </>
  );
}
