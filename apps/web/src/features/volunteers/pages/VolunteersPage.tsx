import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type VolunteerView, volunteerSkills, volunteerStatuses } from '@wenming/contracts';
import { Button, Card, InputNumber, Select, Space, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ImportDialog } from '../../imports/ImportDialog';
import { RevealVolunteerButton } from '../components/RevealVolunteerButton';
import { StarTag } from '../components/StarTag';
import { VolunteerCreateDrawer } from '../components/VolunteerCreateDrawer';
import { useAllTeams, useVolunteerSettings, volunteersResource } from '../queries';

const filterKeys = ['skill', 'teamId', 'status', 'minStar', 'minHours'] as const;

/** 志愿者: search by name, pinyin initials or number; filters; masked PII; register, import, export. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(filterKeys);
  const list = volunteersResource.useList(params.query);
  const teams = useAllTeams();
  const thresholds = useVolunteerSettings().data?.starThresholds ?? [];
  const [creating, setCreating] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const skillOptions = useEnumOptions('volSkill', volunteerSkills);
  const statusOptions = useEnumOptions('volStatus', volunteerStatuses);
  const canManage = can('volunteer.manage');
  const canReveal = can('person.reveal_pii');

  return (
    <Card title={t('vol.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        placeholder={t('vol.searchPlaceholder')}
        filters={
          <>
            <Select
              aria-label={t('vol.filterSkill')}
              placeholder={t('vol.skills')}
              allowClear
              value={params.filters.skill}
              onChange={(v) => params.setFilter('skill', v)}
              options={skillOptions}
              style={{ width: 150 }}
            />
            <Select
              aria-label={t('vol.filterTeam')}
              placeholder={t('vol.team')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={params.filters.teamId}
              onChange={(v) => params.setFilter('teamId', v)}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              style={{ width: 200 }}
            />
            <Select
              aria-label={t('vol.filterStatus')}
              placeholder={t('vol.status')}
              allowClear
              value={params.filters.status}
              onChange={(v) => params.setFilter('status', v)}
              options={statusOptions}
              style={{ width: 120 }}
            />
            <Select
              aria-label={t('vol.filterStar')}
              placeholder={t('vol.star')}
              allowClear
              value={params.filters.minStar}
              onChange={(v) => params.setFilter('minStar', v)}
              options={thresholds.map((hours, i) => ({
                value: String(i + 1),
                label: t('vol.starAtLeast', { star: i + 1, hours }),
              }))}
              style={{ width: 210 }}
            />
            <InputNumber
              aria-label={t('vol.filterHours')}
              placeholder={t('vol.minHours')}
              min={0}
              precision={1}
              value={params.filters.minHours ? Number(params.filters.minHours) : null}
              onChange={(v) => params.setFilter('minHours', v === null ? undefined : String(v))}
              suffix={t('vol.hoursUnit')}
              style={{ width: 170 }}
            />
          </>
        }
        actions={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('vol.create')}
              </Button>
            )}
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                {t('common.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={apiUrl('volunteers/export.xlsx', params.filterQuery)}>
              {t('common.export')}
            </Button>
          </>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<VolunteerView>
        tableId="volunteers"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1300 }}
        columns={[
          {
            title: t('vol.name'),
            dataIndex: 'name',
            fixed: 'left',
            width: 110,
            render: (v: string, r) => <Link to={`/volunteers/${r.id}`}>{v}</Link>,
          },
          { title: t('vol.number'), dataIndex: 'number', width: 170 },
          { title: t('vol.idCard'), dataIndex: 'idCardMasked', width: 180 },
          { title: t('vol.phone'), dataIndex: 'phoneMasked', width: 120 },
          {
            title: t('vol.skills'),
            dataIndex: 'skills',
            render: (skills: string[]) => (
              <Space size={[0, 4]} wrap>
                {skills.map((s) => (
                  <Tag key={s}>{t(`volSkill.${s}`)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('vol.site'), dataIndex: 'siteName', width: 180 },
          {
            title: t('vol.hours'),
            dataIndex: 'confirmedHours',
            width: 120,
            align: 'right',
            render: (h: number) => t('vol.hoursValue', { hours: h }),
          },
          { title: t('vol.star'), dataIndex: 'starLevel', width: 90, render: (n: number) => <StarTag level={n} /> },
          { title: t('vol.status'), dataIndex: 'status', width: 80, render: (s: string) => t(`volStatus.${s}`) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, r) => (canReveal ? <RevealVolunteerButton volunteer={r} /> : null),
          },
        ]}
      />
      <VolunteerCreateDrawer open={creating} onClose={() => setCreating(false)} />
      <ImportDialog kind="volunteers" open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
