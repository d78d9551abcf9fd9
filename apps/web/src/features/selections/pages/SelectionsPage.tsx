// 评选活动: campaigns of every kind with their stage and schedule; the office creates one in draft.
import {
  type SelectionCampaignBody,
  type SelectionCampaignView,
  selectionKinds,
  selectionStages,
  voteRules,
} from '@wenming/contracts';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/queries';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { useCreateSelection, useSelectionCampaigns } from '../queries';

interface CreateValues {
  kind: SelectionCampaignBody['kind'];
  name: string;
  quota: number;
  voteRule: SelectionCampaignBody['voteRule'];
  nomination: [Dayjs, Dayjs];
  voting: [Dayjs, Dayjs];
  publicity: [Dayjs, Dayjs];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function SelectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCurrentUser().permissions.includes('selection.manage');
  const params = useListParams(['kind', 'stage'] as const);
  const list = useSelectionCampaigns(params.query);
  const create = useCreateSelection();
  const [open, setOpen] = useState(false);
  const kindOptions = useEnumOptions('selectionKind', selectionKinds);
  const stageOptions = useEnumOptions('selectionStage', selectionStages);
  const ruleOptions = useEnumOptions('voteRule', voteRules);
  const today = dayjs();

  return (
    <Card
      title={t('sel.title')}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('sel.new')}
          </Button>
        )
      }
    >
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <Space>
            <Select
              aria-label={t('sel.kind')}
              placeholder={t('sel.kind')}
              allowClear
              value={params.filters.kind}
              onChange={(v) => params.setFilter('kind', v)}
              options={kindOptions}
              style={{ width: 170 }}
            />
            <Select
              aria-label={t('sel.stage')}
              placeholder={t('sel.stage')}
              allowClear
              value={params.filters.stage}
              onChange={(v) => params.setFilter('stage', v)}
              options={stageOptions}
              style={{ width: 130 }}
            />
          </Space>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<SelectionCampaignView>
        tableId="selections"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          {
            title: t('sel.name'),
            dataIndex: 'name',
            render: (v: string, c) => <Link to={`/selections/${c.id}`}>{v}</Link>,
          },
          { title: t('sel.kind'), dataIndex: 'kind', width: 150, render: (k) => t(`selectionKind.${k}`) },
          {
            title: t('sel.stage'),
            dataIndex: 'stage',
            width: 110,
            render: (s) => <Tag color={s === 'named' ? 'red' : 'blue'}>{t(`selectionStage.${s}`)}</Tag>,
          },
          { title: t('sel.quota'), dataIndex: 'quota', width: 80, align: 'right' },
          { title: t('sel.candidateCount'), dataIndex: 'candidateCount', width: 100, align: 'right' },
          {
            title: t('sel.voting'),
            key: 'voting',
            width: 200,
            render: (_, c) => `${c.votingStart} ~ ${c.votingEnd}`,
          },
        ]}
      />
      <FormModal<CreateValues>
        open={open}
        name="selection"
        title={t('sel.new')}
        onClose={() => setOpen(false)}
        initialValues={{
          kind: 'good_person',
          quota: 10,
          voteRule: 'per_day',
          nomination: [today, today.add(14, 'day')],
          voting: [today.add(15, 'day'), today.add(29, 'day')],
          publicity: [today.add(30, 'day'), today.add(36, 'day')],
        }}
        onSubmit={async (v) => {
          const c = await create.mutateAsync({
            kind: v.kind,
            name: v.name,
            quota: v.quota,
            voteRule: v.voteRule,
            categories: [],
            nominationStart: day(v.nomination[0]),
            nominationEnd: day(v.nomination[1]),
            votingStart: day(v.voting[0]),
            votingEnd: day(v.voting[1]),
            publicityStart: day(v.publicity[0]),
            publicityEnd: day(v.publicity[1]),
          });
          navigate(`/selections/${c.id}`);
        }}
      >
        <Form.Item name="kind" label={t('sel.kind')} rules={[{ required: true }]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="name" label={t('sel.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="quota" label={t('sel.quota')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} />
        </Form.Item>
        <Form.Item name="voteRule" label={t('sel.voteRule')}>
          <Select options={ruleOptions} />
        </Form.Item>
        <Form.Item name="nomination" label={t('sel.nomination')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="voting" label={t('sel.voting')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="publicity" label={t('sel.publicity')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
