import { regionLevels, siteKinds, unitTypes } from '@wenming/contracts';
import { Card, Col, Descriptions, Row, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgStats } from '../queries';

const BarChart = lazy(() => import('./BarChart'));

/** Headline counts of the tenant's organisation, as campaigns publish them (中心/所/站, 单位, 网格…). */
export function OrgStatsCards({ stats }: { stats: OrgStats }) {
  const { t } = useTranslation();
  const regionTotal = Object.values(stats.regions.byLevel).reduce((a, b) => a + (b ?? 0), 0);
  const siteTotal = Object.values(stats.sites.byKind).reduce((a, b) => a + (b ?? 0), 0);
  const headline = [
    { key: 'regions', value: regionTotal },
    { key: 'units', value: stats.units.total },
    { key: 'people', value: stats.people },
    { key: 'sites', value: siteTotal },
    { key: 'grids', value: stats.grids },
    { key: 'pairings', value: stats.pairings },
    { key: 'points', value: stats.points },
  ];
  const unitData = unitTypes
    .map((type) => ({ label: t(`unitType.${type}`), value: stats.units.byType[type] ?? 0 }))
    .filter((d) => d.value > 0);
  return (
    <>
      <Row gutter={[16, 16]}>
        {headline.map((h) => (
          <Col key={h.key} flex="1 0 140px">
            <Card size="small">
              <Statistic title={t(`home.${h.key}`)} value={h.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('home.sitesByKind')}>
            <Descriptions
              size="small"
              column={1}
              items={siteKinds.map((kind) => ({
                key: kind,
                label: t(`siteKind.${kind}`),
                children: (stats.sites.byKind[kind] ?? 0).toLocaleString(),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('home.regionsByLevel')}>
            <Descriptions
              size="small"
              column={1}
              items={regionLevels.map((level) => ({
                key: level,
                label: t(`regionLevel.${level}`),
                children: (stats.regions.byLevel[level] ?? 0).toLocaleString(),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('home.unitsByType')}>
            <Suspense fallback={<div style={{ height: 260 }} />}>
              <BarChart data={unitData} ariaLabel={t('home.unitsByType')} />
            </Suspense>
          </Card>
        </Col>
      </Row>
    </>
  );
}
