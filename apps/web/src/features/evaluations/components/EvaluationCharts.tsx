// Ranking bars of one evaluation and the trend line across its series' periods (ECharts, canvas).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

/** A chart in a div; drawn again only when the option's content changes (options are plain data here). */
function useChart(option: Option) {
  const ref = useRef<HTMLDivElement>(null);
  const text = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(JSON.parse(text) as Option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [text]);
  return ref;
}

export interface RankingBar {
  name: string;
  score: number;
  passed: boolean;
  excellent: boolean;
}

/** Horizontal bars, best on top; excellent red, passed amber, failed grey. */
export function RankingBarChart({ bars, label }: { bars: RankingBar[]; label: string }) {
  const ordered = [...bars].reverse();
  const ref = useChart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((b) => b.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: label,
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: ordered.map((b) => ({
          value: b.score,
          itemStyle: { color: b.excellent ? '#c8161d' : b.passed ? '#faad14' : '#bfbfbf' },
        })),
      },
    ],
  });
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: Math.max(200, 40 + bars.length * 26) }}
    />
  );
}

export interface TrendSeries {
  name: string;
  values: (number | null)[];
}

/** One line per series over the periods (oldest first). */
export function TrendLineChart({
  periods,
  series,
  label,
}: {
  periods: string[];
  series: TrendSeries[];
  label: string;
}) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: series.map((s) => ({ name: s.name, type: 'line', smooth: false, connectNulls: true, data: s.values })),
  });
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 280 }} />;
}
