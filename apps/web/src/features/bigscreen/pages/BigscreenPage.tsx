// 数据大屏: full-screen dashboard for the office at 1920×1080 — map coloured by the latest scores, ranking, trend,
// problems by state, rectification rate and volunteer counts; refreshes itself every minute.
import { type Language, rectificationRateDefinition } from '@wenming/contracts';
import { Spin } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useBigscreen } from '../../bulletins/queries';
import { ScreenChart, registerGeoJson } from '../components/ScreenChart';
import {
  RANKING_PAGE,
  mapOption,
  problemsOption,
  rankingOption,
  rateOption,
  trendOption,
} from '../components/screen-options';

const oneLine: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

/** The ranking's page: turns every 8 s when the ranking is longer than one page. */
function useRankingPage(rows: number): [number, number] {
  const pages = Math.max(1, Math.ceil(rows / RANKING_PAGE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), 8000);
    return () => clearInterval(timer);
  }, [pages]);
  return [page % pages, pages];
}

const screen: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'radial-gradient(ellipse at center, #0d2348 0%, #050b1a 100%)',
  color: '#e6f0ff',
  display: 'grid',
  gridTemplateRows: '84px 1fr',
  fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  overflow: 'hidden',
};
const body: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '1fr 1.6fr 1fr',
  gap: 16,
  padding: '0 20px 20px',
  minHeight: 0,
};
const column: CSSProperties = { display: 'grid', gap: 16, minHeight: 0 };

function Panel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <section
      aria-label={title}
      style={{
        border: '1px solid #1d3b6e',
        background: 'rgba(10, 30, 66, 0.65)',
        borderRadius: 8,
        padding: '10px 14px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...style,
      }}
    >
      <h2 style={{ color: '#7fb5ff', fontSize: 20, margin: '0 0 6px', fontWeight: 600 }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

function Figure({ label, value, color }: { label: string; value: ReactNode; color: string }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <div style={{ fontSize: 44, fontWeight: 700, color, lineHeight: 1.1 }}>{value}</div>
      <div style={{ fontSize: 18, color: '#9fb8e0' }}>{label}</div>
    </div>
  );
}

export function BigscreenPage() {
  const { t, i18n } = useTranslation();
  const q = useBigscreen();
  const v = q.data;
  const [page, pages] = useRankingPage(v?.ranking.length ?? 0);
  const definition = rectificationRateDefinition[['zh-CN', 'zh-TW', 'en'].indexOf(i18n.language as Language)] ?? '';
  const options = useMemo(() => {
    if (!v) return null;
    registerGeoJson(v.map.name, v.map.geoJson);
    return {
      map: mapOption(v, t('bigscreen.noScore')),
      ranking: rankingOption(v, page),
      trend: trendOption(v, t('bigscreen.average')),
      problems: problemsOption(v, (s) => t(`problemStatus.${s}`)),
      rate: rateOption(v, t('bigscreen.rectification')),
    };
  }, [v, t, page]);

  if (!v || !options)
    return (
      <div style={{ ...screen, placeItems: 'center', display: 'grid' }}>
        {q.error ? <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : <Spin size="large" />}
      </div>
    );
  return (
    <div style={screen}>
      <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 28px' }}>
        <Link to="/bulletins" style={{ color: '#7fb5ff', fontSize: 16, width: 440 }}>
          ← {t('bigscreen.exit')}
        </Link>
        <h1 style={{ fontSize: 38, letterSpacing: 6, margin: 0, color: '#fff' }}>
          {t('bigscreen.title', { tenant: v.tenantName })}
        </h1>
        <div style={{ width: 440, textAlign: 'right', color: '#9fb8e0', fontSize: 15, lineHeight: 1.6 }}>
          <div style={oneLine} title={v.evaluation ? `${v.evaluation.periodLabel} ${v.evaluation.name}` : undefined}>
            {v.evaluation ? `${v.evaluation.periodLabel} · ${v.evaluation.name}` : t('bigscreen.noEvaluation')}
          </div>
          <div style={oneLine}>{t('bigscreen.updated', { time: formatDateTime(v.generatedAt) })}</div>
        </div>
      </header>
      <main style={body}>
        <div style={{ ...column, gridTemplateRows: '1.4fr 1fr' }}>
          <Panel
            title={
              pages > 1
                ? `${t('bigscreen.ranking')}（${t('bigscreen.page', { page: page + 1, pages })}）`
                : `${t('bigscreen.ranking')}（${t('bigscreen.subjects', { n: v.ranking.length })}）`
            }
          >
            <ScreenChart option={options.ranking} ariaLabel={t('bigscreen.ranking')} />
          </Panel>
          <Panel title={t('bigscreen.problems')}>
            <ScreenChart option={options.problems} ariaLabel={t('bigscreen.problems')} />
          </Panel>
        </div>
        <div style={{ ...column, gridTemplateRows: '120px 1fr' }}>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${v.volunteers ? 5 : 3}, 1fr)`,
              alignItems: 'center',
              border: '1px solid #1d3b6e',
              borderRadius: 8,
              background: 'rgba(10, 30, 66, 0.65)',
            }}
          >
            <Figure label={t('bigscreen.problemTotal')} value={v.problems.total} color="#40a9ff" />
            <Figure label={t('bigscreen.overdue')} value={v.problems.overdue} color="#ff4d4f" />
            <Figure label={t('bigscreen.rectification')} value={v.rectification.percent} color="#73d13d" />
            {v.volunteers && (
              <>
                <Figure label={t('bigscreen.volunteers')} value={v.volunteers.volunteers} color="#ffc53d" />
                <Figure label={t('bigscreen.activities')} value={v.volunteers.activities} color="#b37feb" />
              </>
            )}
          </div>
          <Panel title={t('bigscreen.map')}>
            <ScreenChart option={options.map} ariaLabel={t('bigscreen.map')} />
          </Panel>
        </div>
        <div style={{ ...column, gridTemplateRows: '1.2fr 1fr' }}>
          <Panel title={t('bigscreen.trend')}>
            <ScreenChart option={options.trend} ariaLabel={t('bigscreen.trend')} />
          </Panel>
          <Panel title={`${t('bigscreen.rectification')}${v.evaluation ? `（${v.evaluation.periodLabel}）` : ''}`}>
            <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
              <div style={{ flex: 1, minHeight: 0 }}>
                <ScreenChart option={options.rate} ariaLabel={t('bigscreen.rectification')} />
              </div>
              <div style={{ color: '#9fb8e0', fontSize: 14, textAlign: 'center' }}>
                {t('bigscreen.rateOf', { n: v.rectification.numerator, d: v.rectification.denominator })}
              </div>
              <div style={{ color: '#6f87ad', fontSize: 12, textAlign: 'center' }}>{definition}</div>
            </div>
          </Panel>
        </div>
      </main>
    </div>
  );
}
