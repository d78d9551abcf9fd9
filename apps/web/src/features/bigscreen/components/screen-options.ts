// ECharts options of the big screen's panels, from the one aggregated read.
import type { BigscreenView, ProblemStatus } from '@wenming/contracts';
import { problemStatusColors } from '../../../app/status-colors';

/** Ranking rows shown at once; a longer ranking turns its pages by itself. */
export const RANKING_PAGE = 18;

const TEXT = '#cfe3ff';
const axis = { axisLabel: { color: TEXT, fontSize: 14 }, axisLine: { lineStyle: { color: '#3b5998' } } };

export function mapOption(v: BigscreenView, noScore: string) {
  const scores = v.map.values.map((x) => x.score).filter((s): s is number => s !== null);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${p.name}<br/>${Number.isFinite(p.value) ? p.value.toFixed(2) : noScore}`,
    },
    visualMap: {
      min: scores.length ? Math.floor(Math.min(...scores)) : 0,
      max: scores.length ? Math.ceil(Math.max(...scores)) : 100,
      left: 20,
      bottom: 20,
      calculable: true,
      text: ['高', '低'],
      textStyle: { color: TEXT },
      inRange: { color: ['#d7301f', '#fdae61', '#fee08b', '#a6d96a', '#1a9850'] },
    },
    series: [
      {
        type: 'map',
        map: v.map.name,
        roam: true,
        label: { show: true, color: '#10213f', fontSize: 12 },
        itemStyle: { borderColor: '#0b1a33', borderWidth: 1.2, areaColor: '#51607a' },
        emphasis: { label: { color: '#000' }, itemStyle: { areaColor: '#ffd666' } },
        data: v.map.values.map((x) => ({ name: x.name, value: x.score ?? Number.NaN })),
      },
    ],
  };
}

/** The ranking's bars for one page (every subject when they fit on one). */
export function rankingOption(v: BigscreenView, page = 0) {
  const rows = v.ranking.slice(page * RANKING_PAGE, (page + 1) * RANKING_PAGE).reverse();
  return {
    grid: { left: 150, right: 50, top: 4, bottom: 20 },
    xAxis: { type: 'value', ...axis, splitLine: { lineStyle: { color: '#1f2f4f' } } },
    yAxis: { type: 'category', data: rows.map((r) => `${r.rank}. ${r.name}`), ...axis },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.score),
        barMaxWidth: 16,
        barCategoryGap: '30%',
        label: { show: true, position: 'right', color: TEXT, formatter: (p: { value: number }) => p.value.toFixed(1) },
        itemStyle: { color: '#ff7a45', borderRadius: [0, 6, 6, 0] },
      },
    ],
  };
}

export function trendOption(v: BigscreenView, average: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: v.trend.periods, ...axis },
    yAxis: { type: 'value', scale: true, ...axis, splitLine: { lineStyle: { color: '#1f2f4f' } } },
    series: [
      {
        type: 'line',
        name: average,
        data: v.trend.average,
        smooth: true,
        symbolSize: 10,
        lineStyle: { width: 3, color: '#36cfc9' },
        itemStyle: { color: '#36cfc9' },
        areaStyle: { color: 'rgba(54,207,201,0.15)' },
        label: { show: true, color: TEXT },
      },
    ],
  };
}

/** Problems by state: every slice named and counted beside it, each state in its own colour. */
export function problemsOption(v: BigscreenView, labelOf: (state: string) => string) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '52%'],
        minAngle: 6,
        avoidLabelOverlap: true,
        label: { color: TEXT, fontSize: 14, formatter: '{b} {c}' },
        labelLine: { length: 10, length2: 8 },
        labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
        data: v.problems.byState.map((s) => ({
          name: labelOf(s.state),
          value: s.count,
          itemStyle: { color: problemStatusColors[s.state as ProblemStatus] },
        })),
      },
    ],
  };
}

export function rateOption(v: BigscreenView, name: string) {
  const r = v.rectification;
  const value = r.denominator ? Math.round((r.numerator / r.denominator) * 1000) / 10 : 0;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        progress: { show: true, width: 16 },
        axisLine: { lineStyle: { width: 16 } },
        axisLabel: { color: TEXT },
        detail: {
          valueAnimation: false,
          formatter: `${r.percent}`,
          color: '#fff',
          fontSize: 30,
          offsetCenter: [0, '60%'],
        },
        title: { color: TEXT, offsetCenter: [0, '90%'] },
        data: [{ value, name }],
      },
    ],
  };
}
