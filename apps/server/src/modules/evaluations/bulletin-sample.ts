// A hand-made bulletin snapshot for document tests and the bulletin bench (no database needed).
import type { BulletinRankingRow, BulletinSnapshot } from '@wenming/contracts';

const streets = ['东大街街道', '西市街道', '南湖街道', '北山街道', '滨河路街道', '新华街道', '宁远堡镇', '双湾镇'];

/** A snapshot of `n` subjects with scores falling by rank, three periods of trend and three main problems. */
export function sampleSnapshot(n = 8): BulletinSnapshot {
  const ranking: BulletinRankingRow[] = Array.from({ length: n }, (_, i) => ({
    subjectId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    subjectCode: `620302${String(i + 1).padStart(3, '0')}`,
    subjectName: streets[i % streets.length] + (i >= streets.length ? String(i) : ''),
    score: 95 - i * 4.5,
    fullScore: 100,
    rank: i + 1,
    rankChange: i % 3 === 0 ? 1 : i % 3 === 1 ? -1 : 0,
    passed: 95 - i * 4.5 >= 60,
    excellent: 95 - i * 4.5 >= 90,
  }));
  const passed = ranking.filter((r) => r.passed).length;
  const excellent = ranking.filter((r) => r.excellent).length;
  const pct = (a: number, b: number) => `${b ? Math.round((a / b) * 100) : 0}%`;
  return {
    evaluation: {
      id: '00000000-0000-7000-8000-000000000001',
      name: '文明城市创建常态化测评',
      periodLabel: '2026年3月',
      level: '街道',
      frameworkName: '全国文明城市测评体系（示范市版）',
    },
    issuer: '示范市精神文明建设指导委员会办公室',
    signatureOffice: '示范市文明办',
    rates: {
      pass: { numerator: passed, denominator: n, percent: pct(passed, n) },
      excellent: { numerator: excellent, denominator: n, percent: pct(excellent, n) },
      compliance: { numerator: passed, denominator: n, percent: pct(passed, n) },
      rectification: { numerator: 45, denominator: 52, percent: pct(45, 52) },
    },
    ranking,
    redList: ranking.slice(0, 2),
    blackList: ranking.slice(-2),
    summons: ranking.slice(-3),
    mainProblems: [
      { name: '公益广告破损未更新', count: 14, pointsLost: 7 },
      { name: '背街小巷垃圾清运不及时', count: 11, pointsLost: 5.5 },
      { name: '非机动车乱停乱放', count: 9, pointsLost: 4.5 },
    ],
    trend: {
      periods: ['2026年1月', '2026年2月', '2026年3月'],
      average: [78.2, 80.5, 79.25],
      series: ranking
        .slice(0, 3)
        .map((r, i) => ({ name: r.subjectName, scores: [r.score - 3 + i, r.score - 1, r.score] })),
    },
  };
}
