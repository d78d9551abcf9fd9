// Awareness and satisfaction per area as grouped bars (ECharts, canvas).
import type { SurveyResultRow } from '@wenming/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function SurveyResultsChart({ rows }: { rows: SurveyResultRow[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = {
    // Drawn at once: the figures are read (and photographed) as soon as they show.
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v ?? '—'}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.regionName ?? r.regionCode),
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('qn.awareness'),
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: rows.map((r) => r.awareness?.percent ?? null),
      },
      {
        name: t('qn.satisfaction'),
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: '#c8161d' },
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: rows.map((r) => r.satisfaction?.percent ?? null),
      },
    ],
  };
  const text = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the option's content changes
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [text]);
  return <div ref={ref} role="img" aria-label={t('qn.chart')} style={{ width: '100%', height: 320 }} />;
}
