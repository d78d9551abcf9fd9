import { PlusOutlined } from '@ant-design/icons';
import { type ActivityView, activityTypes } from '@wenming/contracts';
import { Button, Card, Segmented, Select, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ActivityCalendar } from '../components/ActivityCalendar';
import { ActivityCreateDrawer } from '../components/ActivityCreateDrawer';
import { activitiesResource } from '../queries';

const filterKeys = ['type', 'when', 'view', 'from', 'to'] as const;

/** 志愿服务活动: list (search, type, upcoming/past) or month calendar; 发布活动. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(filterKeys);
  const isCalendar = params.filters.view === 'calendar';
  const { view: _view, ...query } = params.query;
  const list = activitiesResource.useList(query, !isCalendar);
  const [creating, setCreating] = useState(false);
  const typeOptions = useEnumOptions('actType', activityTypes);
  const whenOptions = useEnumOptions('actWhen', ['upcoming', 'past', 'all'] as const);

  return (
    <Card
      title={t('act.title')}
      extra={
        <Segmented
          value={isCalendar ? 'calendar' : 'list'}
          onChange={(v) => params.setFilter('view', v === 'calendar' ? 'calendar' : undefined)}
          options={[
            { value: 'list', label: t('act.list') },
            { value: 'calendar', label: t('act.calendar') },
          ]}
        />
      }
    >
      <ListToolbar
        q={isCalendar ? undefined : params.q}
        onSearch={isCalendar ? undefined : params.setQ}
        filters={
          <>
            <Select
              aria-label={t('act.filterType')}
              placeholder={t('act.type')}
              allowClear
              value={params.filters.type}
              onChange={(v) => params.setFilter('type', v)}
              options={typeOptions}
              style={{ width: 140 }}
            />
            {!isCalendar && (
              <Select
                aria-label={t('act.filterStatus')}
                value={params.filters.when ?? 'all'}
                onChange={(v) => params.setFilter('when', v === 'all' ? undefined : v)}
                options={whenOptions}
                style={{ width: 110 }}
              />
            )}
            {!isCalendar && (
              <DateRangeFilter
                params={params}
                keys={['from', 'to']}
                label={t('act.filterDates')}
                placeholder={[t('act.dateFrom'), t('act.dateTo')]}
              />
            )}
          </>
        }
        actions={
          can('activity.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('act.create')}
            </Button>
          )
        }
      />
      {isCalendar ? (
        <ActivityCalendar type={params.filters.type} />
      ) : (
        <>
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <DataTable<ActivityView>
            tableId="activities"
            rowKey="id"
            loading={list.isFetching}
            onRefresh={() => void list.refetch()}
            dataSource={list.data?.items}
            pagination={tablePagination(params, list.data?.total, (total) => t('act.count', { total }))}
            scroll={{ x: 1200 }}
            columns={[
              {
                title: t('act.name'),
                dataIndex: 'title',
                fixed: 'left',
                render: (v: string, a) => <Link to={`/activities/${a.id}`}>{v}</Link>,
              },
              { title: t('act.type'), dataIndex: 'type', width: 110, render: (v: string) => t(`actType.${v}`) },
              { title: t('act.startsAt'), dataIndex: 'startsAt', width: 190, render: formatDateTime },
              { title: t('act.place'), dataIndex: 'place', ellipsis: true },
              { title: t('act.site'), key: 'org', width: 180, render: (_, a) => a.siteName ?? a.teamName },
              {
                title: t('act.signedUp'),
                key: 'places',
                width: 150,
                render: (_, a) => (
                  <>
                    {t('act.places', { signed: a.signedUpCount, limit: a.recruitLimit })}
                    {a.waitlistCount > 0 && (
                      <Tag style={{ marginLeft: 4 }}>{`${t('act.waitlisted')} ${a.waitlistCount}`}</Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('act.status'),
                dataIndex: 'status',
                width: 90,
                render: (v: string) => <Tag color={v === 'cancelled' ? 'default' : 'green'}>{t(`actStatus.${v}`)}</Tag>,
              },
            ]}
          />
        </>
      )}
      <ActivityCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
