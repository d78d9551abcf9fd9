import { type CampaignView, taskStates } from '@wenming/contracts';
import { Checkbox, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { useEnumOptions } from '../../../components/enum-options';
import { UnitSelect } from '../../../components/selects';
import type { ListParams } from '../../../components/use-list-params';

export const taskFilterKeys = ['unitId', 'actionId', 'state', 'deadlineFrom', 'deadlineTo', 'overdue'] as const;
export type TaskFilterKey = (typeof taskFilterKeys)[number];

/** The task board's filters: unit, action line, state, deadline range, overdue only (all kept in the URL). */
export function TaskFilters({ params, campaign }: { params: ListParams<TaskFilterKey>; campaign: CampaignView }) {
  const { t } = useTranslation();
  const stateOptions = useEnumOptions('taskState', taskStates);
  const f = params.filters;
  return (
    <>
      <UnitSelect
        aria-label={t('task.unit')}
        placeholder={t('task.unit')}
        allowClear
        value={f.unitId}
        onChange={(v) => params.setFilter('unitId', v)}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('task.action')}
        placeholder={t('task.action')}
        allowClear
        value={f.actionId}
        onChange={(v) => params.setFilter('actionId', v)}
        options={campaign.actions.map((a) => ({ value: a.id, label: a.name }))}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('task.state')}
        placeholder={t('task.state')}
        allowClear
        value={f.state}
        onChange={(v) => params.setFilter('state', v)}
        options={stateOptions}
        style={{ width: 150 }}
      />
      <DateRangeFilter
        params={params}
        keys={['deadlineFrom', 'deadlineTo']}
        label={t('task.deadlineRange')}
        placeholder={[t('task.deadlineRange'), '']}
      />
      <Checkbox
        checked={f.overdue === 'true'}
        onChange={(e) => params.setFilter('overdue', e.target.checked ? 'true' : undefined)}
      >
        {t('task.overdueOnly')}
      </Checkbox>
    </>
  );
}
