// Points on a map: an echarts scatter over longitude/latitude (no tile server; works offline), one colour per type.
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPoint } from '../queries';

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface PointsMapProps {
  points: (MapPoint & { done?: boolean })[];
  ariaLabel: string;
  height?: number;
  /** Compact: no legend, smaller symbols (the phone's map). */
  compact?: boolean;
  onPick?: (id: string) => void;
}

export default function PointsMap({ points, ariaLabel, height = 480, compact, onPick }: PointsMapProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const groups = new Map<string, (MapPoint & { done?: boolean })[]>();
    for (const p of points) {
      const key = p.done === undefined ? t(`pointType.${p.pointType}`) : p.done ? t('plan.done') : t('plan.notDone');
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (i: { data: { name: string } }) => i.data.name },
      legend: compact ? undefined : { type: 'scroll', top: 0 },
      grid: compact ? { left: 8, right: 8, top: 8, bottom: 8 } : { left: 64, right: 24, top: 48, bottom: 40 },
      xAxis: { type: 'value', scale: true, show: !compact, name: compact ? undefined : '°E' },
      yAxis: { type: 'value', scale: true, show: !compact, name: compact ? undefined : '°N' },
      series: [...groups.entries()].map(([name, list]) => ({
        name,
        type: 'scatter',
        symbolSize: compact ? 10 : 12,
        data: list.map((p) => ({ name: p.name, id: p.id, value: [p.lng, p.lat] })),
      })),
    });
    chart.on('click', (e) => {
      const id = (e.data as { id?: string } | undefined)?.id;
      if (id) onPick?.(id);
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [points, compact, onPick, t]);
  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
