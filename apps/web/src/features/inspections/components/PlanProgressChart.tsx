// Bars of assigned and inspected points per team of a plan.
import type { InspectionPlanProgress } from '@wenming/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function PlanProgressChart({ progress }: { progress: InspectionPlanProgress }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 100, right: 32, top: 32, bottom: 24 },
      yAxis: { type: 'category', data: progress.teams.map((x) => x.name) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('plan.assigned'),
          type: 'bar',
          itemStyle: { color: '#d9d9d9' },
          data: progress.teams.map((x) => x.assigned),
        },
        {
          name: t('plan.done'),
          type: 'bar',
          itemStyle: { color: '#c8161d' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => `${progress.teams[p.dataIndex].percent ?? 0}%`,
          },
          data: progress.teams.map((x) => x.done),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [progress, t]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('plan.progressChart')}
      style={{ width: '100%', height: Math.max(160, 60 + progress.teams.length * 56) }}
    />
  );
}
