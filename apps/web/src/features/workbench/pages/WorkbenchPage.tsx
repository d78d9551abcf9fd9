// 工作台: the desktop home of every role — 待办 with links, what falls due, the role's own figures and small charts.
import type { RoleCode, WorkbenchChart, WorkbenchDeadline, WorkbenchFigure, WorkbenchTodo } from '@wenming/contracts';
import { Badge, Card, Col, Empty, Flex, List, Row, Segmented, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stateColor } from '../../../app/status-colors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCurrentUser } from '../../auth/queries';
import { OrgStatsCards } from '../../home/components/OrgStatsCards';
import { useOrgStats } from '../../home/queries';
import { useWorkbench } from '../queries';
import { QuickLinks } from './QuickLinks';

const MiniChart = lazy(() => import('../components/MiniChart'));

/** The workbench of the signed-in user; a person with several roles switches between their workbenches. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [role, setRole] = useState<RoleCode | undefined>();
  const q = useWorkbench(role);
  const w = q.data;
  const current = w?.roles[0];
  const assignment = user.roles.find((r) => r.role === current);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('home.welcome', { name: user.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {current ? t(`role.${current}`) : ''}
              {assignment?.scopeName ? ` · ${assignment.scopeName}` : ''} · {user.tenantName}
              {w ? ` · ${t('wb.today', { date: w.today })}` : ''}
            </Typography.Text>
          </div>
          {w && w.roles.length > 1 && (
            <Segmented
              aria-label={t('wb.switchRole')}
              value={current}
              onChange={(v) => setRole(v as RoleCode)}
              options={[...w.roles].sort().map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          )}
        </Space>
      </Card>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {!w ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          {w.todos.length > 0 && <TodoCards todos={w.todos} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={w.deadlines.length ? 14 : 24}>
              <Figures figures={w.figures} />
            </Col>
            {w.deadlines.length > 0 && (
              <Col xs={24} xl={10}>
                <Deadlines items={w.deadlines} />
              </Col>
            )}
          </Row>
          {w.charts.length > 0 && <Charts charts={w.charts} />}
          {current && <QuickLinks role={current} />}
          {(current === 'office_admin' || current === 'sysadmin') && <OrgOverview />}
        </>
      )}
    </Space>
  );
}

function TodoCards({ todos }: { todos: WorkbenchTodo[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('wb.todos')}>
      <Typography.Title level={5}>{t('wb.todos')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {todos.map((x) => (
          <Col key={x.key} xs={12} md={8} xl={6} xxl={4}>
            <Link to={x.link} aria-label={`${t(`wbTodo.${x.key}`)} ${x.count}`}>
              <Card hoverable size="small" style={{ borderTop: `3px solid ${x.count ? '#c8161d' : '#d9d9d9'}` }}>
                <Statistic
                  title={t(`wbTodo.${x.key}`)}
                  value={x.count}
                  valueStyle={{ color: x.count ? '#c8161d' : undefined }}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function figureValue(f: WorkbenchFigure, t: (k: string, o?: Record<string, unknown>) => string) {
  if (f.value === null) return '—';
  if (f.unit === 'percent') return `${f.value}%`;
  if (f.unit === 'hours') return t('wb.hours', { n: f.value });
  return f.value;
}

function Figures({ figures }: { figures: WorkbenchFigure[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('wb.figures')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8}>
            <Statistic title={t(`wbFigure.${f.key}`)} value={figureValue(f, t)} />
            {f.unit === 'percent' && f.denominator !== undefined && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('wb.rateOf', { n: f.numerator, d: f.denominator })}
              </Typography.Text>
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** A due date as the list prints it: the date of a date deadline, or Shanghai's date and minute of an instant. */
function dueText(d: WorkbenchDeadline) {
  if (d.due.length === 10) return d.due;
  return new Date(new Date(d.due).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function Deadlines({ items }: { items: WorkbenchDeadline[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('wb.deadlines')} style={{ height: '100%' }} styles={{ body: { paddingTop: 0 } }}>
      <List
        size="small"
        dataSource={items}
        renderItem={(d) => (
          <List.Item key={`${d.kind}-${d.id}`}>
            <Flex gap={8} align="center" style={{ width: '100%', minWidth: 0 }}>
              <Tag style={{ flex: 'none' }}>{t(`wbKind.${d.kind}`)}</Tag>
              <Link
                to={d.link}
                title={d.title}
                style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {d.title}
              </Link>
              {d.overdue && <Badge status="error" text={t('wb.overdue')} style={{ flex: 'none' }} />}
              <Typography.Text type={d.overdue ? 'danger' : 'secondary'} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
                {dueText(d)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Charts({ charts }: { charts: WorkbenchChart[] }) {
  const { t } = useTranslation();
  const labelOf = (c: WorkbenchChart, code: string) =>
    c.codes === 'date' ? code.slice(5) : c.codes === 'month' ? code : t(`${c.codes}.${code}`);
  return (
    <Row gutter={[16, 16]}>
      {charts.map((c) => (
        <Col key={c.key} xs={24} lg={12}>
          <Card size="small" title={t(`wbChart.${c.key}`)}>
            {c.points.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.noData')} />
            ) : (
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 200 }} />}>
                <MiniChart
                  kind={c.kind}
                  ariaLabel={t(`wbChart.${c.key}`)}
                  data={c.points.map((p) => ({
                    label: labelOf(c, p.code),
                    value: p.value,
                    color: stateColor(c.codes, p.code),
                  }))}
                />
              </Suspense>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 组织概况 of the office and the system administrator: regions, units, people, sites, grids. */
function OrgOverview() {
  const { t } = useTranslation();
  const stats = useOrgStats(true);
  if (!stats.data) return null;
  return (
    <Card title={t('home.orgStats')}>
      <OrgStatsCards stats={stats.data} />
    </Card>
  );
}
