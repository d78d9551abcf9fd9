// 新建/修改督查组: a name, members picked from the accounts that may inspect (searchable), and an optional leader.
import type { InspectionTeamView, InspectorOption, Page } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { useSaveTeam } from '../setup-queries';

interface TeamValues {
  name: string;
  memberIds: string[];
  leaderId?: string | null;
}

type Labels = Record<string, string>;

/** Several inspectors, searched by name or username through GET /inspectors?q=. */
function InspectorSelect(props: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  labels: Labels;
  onLabels: (l: Labels) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const list = useQuery({
    queryKey: ['inspectors', q],
    queryFn: ({ signal }) =>
      api.get<Page<InspectorOption>>('inspectors', { q: q || undefined, pageSize: 50 }, { signal }),
  });
  const { onLabels } = props;
  useEffect(() => {
    if (list.data)
      onLabels(Object.fromEntries(list.data.items.map((i) => [i.accountId, `${i.displayName}（${i.username}）`])));
  }, [list.data, onLabels]);
  const options = (list.data?.items ?? []).map((i) => ({ value: i.accountId, label: props.labels[i.accountId] }));
  for (const v of props.value ?? [])
    if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: props.labels[v] ?? v });
  return (
    <Select
      id={props.id}
      mode="multiple"
      aria-label={t('plan.members')}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      loading={list.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}

interface Props {
  planId: string;
  /** The team edited; a new one when null. */
  team: InspectionTeamView | null;
  open: boolean;
  onClose: () => void;
}

export function TeamFormModal({ planId, team, open, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveTeam(planId);
  const [labels, setLabels] = useState<Labels>({});
  useEffect(() => {
    if (team)
      setLabels((l) => ({ ...l, ...Object.fromEntries(team.members.map((m) => [m.accountId, m.displayName])) }));
  }, [team]);
  const addLabels = useCallback((more: Labels) => setLabels((l) => ({ ...l, ...more })), []);

  return (
    <FormModal<TeamValues>
      open={open}
      title={team ? t('planSetup.editTeam') : t('planSetup.addTeam')}
      name="team"
      initialValues={
        team
          ? {
              name: team.name,
              memberIds: team.members.map((m) => m.accountId),
              leaderId: team.members.find((m) => m.isLeader)?.accountId ?? null,
            }
          : { memberIds: [] }
      }
      onClose={onClose}
      onSubmit={(v) =>
        save.mutateAsync({
          teamId: team?.id,
          body: { name: v.name, memberIds: v.memberIds, leaderId: v.leaderId || null },
        })
      }
    >
      {(form) => (
        <>
          <Form.Item
            name="name"
            label={t('planSetup.teamName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="memberIds"
            label={t('plan.members')}
            extra={t('planSetup.membersHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InspectorSelect labels={labels} onLabels={addLabels} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.memberIds !== b.memberIds}>
            {() => (
              <Form.Item name="leaderId" label={t('plan.leader')}>
                <Select
                  allowClear
                  options={(form.getFieldValue('memberIds') as string[] | undefined)?.map((id) => ({
                    value: id,
                    label: labels[id] ?? id,
                  }))}
                />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
