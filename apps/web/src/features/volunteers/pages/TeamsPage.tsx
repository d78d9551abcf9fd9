import { PlusOutlined } from '@ant-design/icons';
import type { TeamView } from '@wenming/contracts';
import { Badge, Button, Card, Col, Descriptions, Empty, Row, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TeamFormDrawer } from '../components/TeamFormDrawer';
import { TeamMembersPanel } from '../components/TeamMembersPanel';
import { buildTeamTree, type TeamNode } from '../components/team-tree';
import { useAllTeams } from '../queries';

/** 志愿服务队伍: 总队 → 支队 → 小队 and specialist teams; members and join requests of the chosen team. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const teams = useAllTeams();
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState<{ parent: TeamView | null } | null>(null);
  const all = teams.data?.items ?? [];
  const tree = buildTeamTree(all);
  const selected = all.find((x) => x.id === search.get('team'));
  const canManage = can('team.manage');

  const toData = (n: TeamNode): DataNode => ({
    key: n.key,
    title: (
      <Space size={4}>
        {n.team.name}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`teamLevel.${n.team.level}`)} · {t('team.memberCount', { count: n.team.memberCount })}
        </Typography.Text>
        {n.team.pendingCount > 0 && <Badge count={n.team.pendingCount} size="small" />}
      </Space>
    ),
    children: n.children.map(toData),
  });
  const select = (keys: Key[]) => keys[0] && setSearch({ team: String(keys[0]) }, { replace: true });

  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card
          title={t('team.tree')}
          extra={
            canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ parent: null })}>
                {t('team.create')}
              </Button>
            )
          }
        >
          <ApiErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />
          {teams.data && (
            <Tree
              blockNode
              defaultExpandAll
              selectedKeys={selected ? [selected.id] : []}
              treeData={tree.hierarchy.map(toData)}
              onSelect={select}
            />
          )}
          {tree.specialist.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('team.specialist')}
              </Typography.Title>
              <Tree
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                treeData={tree.specialist.map(toData)}
                onSelect={select}
              />
            </>
          )}
        </Card>
      </Col>
      <Col span={14}>
        <Card
          title={selected?.name ?? t('team.title')}
          extra={
            selected &&
            canManage &&
            selected.level !== 'squad' && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating({ parent: selected })}>
                {t('team.createChild')}
              </Button>
            )
          }
        >
          {!selected ? (
            <Empty description={t('team.pick')} />
          ) : (
            <>
              <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('team.level')}>{t(`teamLevel.${selected.level}`)}</Descriptions.Item>
                <Descriptions.Item label={t('team.parent')}>{selected.parentName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('team.site')}>{selected.siteName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('team.unit')}>{selected.unitName ?? '—'}</Descriptions.Item>
                {selected.specialty && (
                  <Descriptions.Item label={t('team.specialty')} span={2}>
                    {selected.specialty}
                  </Descriptions.Item>
                )}
                {selected.description && (
                  <Descriptions.Item label={t('team.description')} span={2}>
                    {selected.description}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <TeamMembersPanel key={selected.id} team={selected} canManage={canManage} />
            </>
          )}
        </Card>
      </Col>
      <TeamFormDrawer
        open={!!creating}
        parent={creating?.parent ?? null}
        teams={all}
        onClose={() => setCreating(null)}
      />
    </Row>
  );
}
