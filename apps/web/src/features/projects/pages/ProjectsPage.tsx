import { PlusOutlined } from '@ant-design/icons';
import type { ProjectView } from '@wenming/contracts';
import { Button, Card, Checkbox, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { useProjects } from '../queries';

/** 品牌项目: the projects of the user's sites, teams and area, brand projects first; search and brand-only in the URL. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const list = useProjects();
  const [creating, setCreating] = useState(false);
  // A new drawer (and form) each time, so that nothing of a cancelled form comes back.
  const [opened, setOpened] = useState(0);
  const params = useListParams(['brand'] as const);
  const { q, page } = params;
  const onlyBrand = params.filters.brand === '1';
  const rows = (list.data ?? []).filter((p) => (!onlyBrand || p.isBrand) && (!q || p.name.includes(q.trim())));

  return (
    <Card title={t('proj.title')}>
      <ListToolbar
        filters={
          <>
            <Input.Search
              allowClear
              aria-label={t('proj.search')}
              placeholder={t('proj.search')}
              defaultValue={q}
              onSearch={params.setQ}
              style={{ width: 240 }}
            />
            <Checkbox
              checked={onlyBrand}
              onChange={(e) => params.setFilter('brand', e.target.checked ? '1' : undefined)}
            >
              {t('proj.onlyBrand')}
            </Checkbox>
          </>
        }
        actions={
          can('activity.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setOpened((n) => n + 1);
                setCreating(true);
              }}
            >
              {t('proj.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<ProjectView>
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize: 20,
          showTotal: (n) => t('proj.count', { total: n }),
          onChange: (p) => params.setPage(p),
        }}
        columns={[
          {
            title: t('proj.name'),
            dataIndex: 'name',
            render: (v: string, p) => (
              <>
                <Link to={`/projects/${p.id}`}>{v}</Link>
                {p.isBrand && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('proj.brand')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('proj.description'), dataIndex: 'description', ellipsis: true, render: (v) => v ?? '—' },
          { title: t('proj.activityCount'), dataIndex: 'activityCount', width: 100, align: 'right' },
        ]}
      />
      <ProjectFormDrawer
        key={opened}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => navigate(`/projects/${p.id}`)}
      />
    </Card>
  );
}
