import type { TeamMemberView, TeamView } from '@wenming/contracts';
import { App, Button, Form, Input, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useDecideMember, useTeamMembers } from '../queries';

function MemberTable({ team, status }: { team: TeamView; status: 'active' | 'pending' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<TeamMemberView | null>(null);
  const members = useTeamMembers(team.id, status, page);
  const decide = useDecideMember(team.id);
  const approve = async (m: TeamMemberView) => {
    await decide.mutateAsync({ volunteerId: m.volunteerId, decision: 'approve' });
    message.success(t('team.approved'));
  };
  return (
    <>
      <ApiErrorAlert error={members.error ?? decide.error} onRetry={() => void members.refetch()} />
      <Table<TeamMemberView>
        rowKey="volunteerId"
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.items}
        locale={status === 'pending' ? { emptyText: t('team.noRequests') } : undefined}
        pagination={{
          current: page,
          pageSize: 10,
          total: members.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t('vol.name'), dataIndex: 'name' },
          { title: t('vol.number'), dataIndex: 'volunteerNumber' },
          { title: t('vol.phone'), dataIndex: 'phoneMasked' },
          status === 'active'
            ? {
                title: t('team.role'),
                dataIndex: 'role',
                render: (r: string) => (r === 'leader' ? <Tag color="red">{t('team.leader')}</Tag> : t('team.member')),
              }
            : { title: t('team.requestedAt'), dataIndex: 'requestedAt', render: formatDateTime },
          ...(status === 'pending'
            ? [
                { title: t('team.note'), dataIndex: 'note' },
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 150,
                  render: (_: unknown, m: TeamMemberView) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => void approve(m).catch(() => {})}>
                        {t('team.approve')}
                      </Button>
                      <Button size="small" type="link" danger onClick={() => setRejecting(m)}>
                        {t('team.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<{ note: string }>
        open={!!rejecting}
        name="rejectMember"
        title={`${t('team.rejectTitle')} · ${rejecting?.name ?? ''}`}
        danger
        successMessage={t('team.rejected')}
        onClose={() => setRejecting(null)}
        onSubmit={(v) => decide.mutateAsync({ volunteerId: rejecting!.volunteerId, decision: 'reject', note: v.note })}
      >
        <Form.Item
          label={t('common.reason')}
          name="note"
          rules={[{ required: true, whitespace: true, message: t('team.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 队员 and 入队申请 of a team; requests are approved, or rejected with a reason. */
export function TeamMembersPanel({ team, canManage }: { team: TeamView; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        {
          key: 'members',
          label: `${t('team.members')}（${team.memberCount}）`,
          children: <MemberTable team={team} status="active" />,
        },
        ...(canManage
          ? [
              {
                key: 'requests',
                label: `${t('team.requests')}（${team.pendingCount}）`,
                children: <MemberTable team={team} status="pending" />,
              },
            ]
          : []),
      ]}
    />
  );
}
