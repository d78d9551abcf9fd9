import { PlusOutlined } from '@ant-design/icons';
import type { ProjectView } from '@wenming/contracts';
import { Button, Card, Checkbox, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListToolbar } from '../../../components/ListToolbar';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { useProjects } from '../queries';

/** 品牌项目: the projects of the user's sites, teams and area, brand projects first; search and brand-only in the URL. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const list = useProjects();
  const [creating, setCreating] = useState(false);
  // A new drawer (and form) each time, so that nothing of a cancelled form comes back.
  const [opened, setOpened] = useState(0);
  const q = search.get('q') ?? '';
  const onlyBrand = search.get('brand') === '1';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const set = (patch: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
        return next;
      },
      { replace: true },
    );
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
              onSearch={(v) => set({ q: v || null, page: null })}
              style={{ width: 240 }}
            />
            <Checkbox checked={onlyBrand} onChange={(e) => set({ brand: e.target.checked ? '1' : null, page: null })}>
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
          onChange: (p) => set({ page: p > 1 ? String(p) : null }),
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
