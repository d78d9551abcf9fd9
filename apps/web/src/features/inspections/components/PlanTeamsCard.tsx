// 督查组: the plan's teams with their members and points; planners add, edit and delete teams, split the
// sample among them by region, and open a team to see the points it got.
import type { InspectionPlanProgress, InspectionPlanView, InspectionTeamView } from '@wenming/contracts';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { usePlanPoints } from '../queries';
import { useAssignByRegion, useDeleteTeam } from '../setup-queries';
import { TeamFormModal } from './TeamFormModal';

function TeamPoints({ planId, teamId }: { planId: string; teamId: string }) {
  const { t } = useTranslation();
  const points = usePlanPoints(planId, { teamId, pageSize: 100 });
  return (
    <Table
      aria-label={t('planSetup.teamPoints')}
      rowKey="pointId"
      size="small"
      loading={points.isFetching}
      dataSource={points.data?.items}
      pagination={false}
      columns={[
        { title: t('point.name'), dataIndex: 'name' },
        { title: t('point.type'), dataIndex: 'pointType', render: (v: string) => t(`pointType.${v}`) },
        { title: t('point.region'), dataIndex: 'regionName' },
      ]}
    />
  );
}

interface Props {
  plan: InspectionPlanView;
  progress: InspectionPlanProgress | undefined;
  canEdit: boolean;
}

export function PlanTeamsCard({ plan, progress, canEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<InspectionTeamView | null | undefined>(undefined);
  const assign = useAssignByRegion(plan.id);
  const remove = useDeleteTeam(plan.id);
  const editable = canEdit && plan.status !== 'closed';
  const unassigned = progress?.unassigned ?? 0;

  const autoAssign = async () => {
    await assign.mutateAsync();
    message.success(t('planSetup.assignedDone'));
  };

  return (
    <Card
      title={t('plan.teams')}
      size="small"
      extra={
        editable && (
          <Space>
            {unassigned > 0 && <Tag color="orange">{t('planSetup.unassigned', { count: unassigned })}</Tag>}
            <Popconfirm
              title={t('planSetup.autoAssignConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={autoAssign}
              disabled={!plan.teams.length || !plan.pointCount}
            >
              <Button loading={assign.isPending} disabled={!plan.teams.length || !plan.pointCount}>
                {t('planSetup.autoAssign')}
              </Button>
            </Popconfirm>
            <Button type="primary" onClick={() => setEditing(null)}>
              {t('planSetup.addTeam')}
            </Button>
          </Space>
        )
      }
    >
      <ApiErrorAlert error={assign.error ?? remove.error} />
      <Table<InspectionTeamView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan.teams}
        locale={{ emptyText: t('planSetup.noTeams') }}
        expandable={{
          rowExpandable: (team) => team.pointCount > 0,
          expandedRowRender: (team) => <TeamPoints planId={plan.id} teamId={team.id} />,
        }}
        columns={[
          { title: t('planSetup.teamName'), dataIndex: 'name' },
          {
            title: t('plan.members'),
            key: 'members',
            render: (_, team) =>
              team.members.map((m) => (
                <Tag key={m.accountId} color={m.isLeader ? 'red' : undefined}>
                  {m.displayName}
                  {m.isLeader ? `（${t('plan.leader')}）` : ''}
                </Tag>
              )),
          },
          { title: t('plan.pointCount'), dataIndex: 'pointCount' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, team: InspectionTeamView) => (
                    <Space>
                      <Typography.Link onClick={() => setEditing(team)}>{t('planSetup.edit')}</Typography.Link>
                      <Popconfirm
                        title={t('planSetup.deleteTeamConfirm')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(team.id)}
                      >
                        <Typography.Link type="danger">{t('planSetup.deleteTeam')}</Typography.Link>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TeamFormModal
        planId={plan.id}
        team={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </Card>
  );
}
