// Stacked bars of on-time, overdue and not-yet-due tasks per unit or action line, with the completion rate as a line.
import type { ProgressRow } from '@wenming/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function ProgressChart({ rows, ariaLabel }: { rows: ProgressRow[]; ariaLabel: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const bar = (name: string, color: string, data: number[]) => ({
      name,
      type: 'bar' as const,
      stack: 'tasks',
      itemStyle: { color },
      emphasis: { focus: 'series' as const },
      data,
    });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 90 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: 30, width: 120, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', name: t('progress.total'), minInterval: 1 },
        { type: 'value', name: t('progress.rate'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        bar(
          t('progress.onTime'),
          '#52c41a',
          rows.map((r) => r.onTime),
        ),
        bar(
          t('progress.overdue'),
          '#f5222d',
          rows.map((r) => r.overdue),
        ),
        bar(
          t('progress.pending'),
          '#d9d9d9',
          rows.map((r) => Math.max(0, r.total - r.onTime - r.overdue)),
        ),
        {
          name: t('progress.rate'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#1677ff' },
          data: rows.map((r) => Math.round(r.completionRate * 1000) / 10),
          tooltip: { valueFormatter: (v: number) => `${v}%` },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, t]);
  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 360 }} />;
}
