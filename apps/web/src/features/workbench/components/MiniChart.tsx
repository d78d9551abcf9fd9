// A workbench's small chart: a labelled donut of states or bars over days and months, on echarts' core.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface MiniDatum {
  label: string;
  value: number;
  color?: string;
}

export default function MiniChart(props: { kind: 'donut' | 'bar'; data: MiniDatum[]; ariaLabel: string }) {
  const { kind, data, ariaLabel } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(
      kind === 'donut'
        ? {
            tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
            legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 12 } },
            series: [
              {
                type: 'pie',
                radius: ['45%', '72%'],
                center: ['32%', '50%'],
                label: { show: false },
                data: data.map((d) => ({ name: d.label, value: d.value, itemStyle: { color: d.color } })),
              },
            ],
          }
        : {
            tooltip: { trigger: 'axis' },
            grid: { left: 36, right: 8, top: 12, bottom: 28 },
            xAxis: { type: 'category', data: data.map((d) => d.label) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#c8161d' }, barMaxWidth: 28 }],
          },
    );
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [kind, data]);
  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 200 }} />;
}
