import { PlusOutlined } from '@ant-design/icons';
import { type QuestionnaireView, questionnaireStatuses } from '@wenming/contracts';
import { Button, Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { QuestionnaireFormDrawer } from '../components/QuestionnaireFormDrawer';
import { QuestionnaireStatusTag } from '../components/QuestionnaireStatusTag';
import { useQuestionnaires } from '../queries';

const filterKeys = ['status'] as const;

/** 问卷调查: the questionnaires of the user's area, newest first, by state; a new one opens its page. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const params = useListParams(filterKeys);
  const list = useQuestionnaires(params.query);
  const statusOptions = useEnumOptions('questionnaireStatus', questionnaireStatuses);
  const [creating, setCreating] = useState(false);
  // A new drawer (and form) each time, so that nothing of a cancelled form comes back.
  const [opened, setOpened] = useState(0);
  const columns: DataColumn<QuestionnaireView>[] = [
    {
      title: t('qn.name'),
      dataIndex: 'title',
      width: 280,
      fixed: 'left',
      alwaysShown: true,
      longText: true,
      render: (v: string, q) => <Link to={`/questionnaires/${q.id}`}>{v}</Link>,
    },
    { title: t('qn.region'), dataIndex: 'regionName', width: 160, longText: true },
    {
      title: t('qn.questionCount'),
      key: 'questions',
      width: 90,
      align: 'right',
      render: (_, q) => q.questions.length,
    },
    { title: t('qn.responses'), dataIndex: 'responseCount', width: 90, align: 'right' },
    {
      title: t('qn.isPublic'),
      dataIndex: 'isPublic',
      width: 120,
      render: (v: boolean) => (v ? <Tag color="blue">{t('qn.public')}</Tag> : '—'),
    },
    {
      title: t('qn.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      minScreen: 'xl',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('qn.status'),
      dataIndex: 'status',
      width: 100,
      fixed: 'right',
      alwaysShown: true,
      render: (v: QuestionnaireView['status']) => <QuestionnaireStatusTag status={v} />,
    },
  ];

  return (
    <Card title={t('qn.title')}>
      <ListToolbar
        filters={
          <Select
            aria-label={t('qn.filterStatus')}
            placeholder={t('qn.status')}
            allowClear
            value={params.filters.status}
            onChange={(v) => params.setFilter('status', v)}
            options={statusOptions}
            style={{ width: 140 }}
          />
        }
        actions={
          can('survey.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setOpened((n) => n + 1);
                setCreating(true);
              }}
            >
              {t('qn.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<QuestionnaireView>
        tableId="questionnaires"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (n) => t('qn.count', { total: n }))}
        columns={columns}
      />
      <QuestionnaireFormDrawer
        key={opened}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(q) => navigate(`/questionnaires/${q.id}`)}
      />
    </Card>
  );
}
