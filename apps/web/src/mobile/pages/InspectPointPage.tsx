import { type InspectionUpdateBody, type InspectionView, scoreInspection } from '@wenming/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, NoticeBar, Space, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { formatScore } from '../../features/inspections/score-format';
import {
  clearNewPhotos,
  type Draft,
  emptyMarks,
  type Mark,
  marksOf,
  negativesOf,
  queueInspection,
  queueInspectionEdit,
} from '../../features/inspections/offline-inspection';
import { type Gps, readGps, sendNow } from '../../features/inspections/offline-photo';
import { discardFailed } from '../offline-queue';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';
import { type InspectionConflict, InspectConflict } from './InspectConflict';
import { InspectNegativeItems } from './InspectNegativeItems';
import { InspectStandardCard } from './InspectStandardCard';
import { categoriesQuery, checklistQuery } from '../phone-queries';
import { useTodayPoints } from './InspectTodayPage';

type Status = { kind: 'queued' } | { kind: 'sent' } | { kind: 'refused'; message: string } | null;

/** A point's checklist on the phone: mark each standard, take photos, watch the score, submit offline-first. */
export function InspectPointPage() {
  const { planId, pointId } = useParams<{ planId: string; pointId: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const checklist = useQuery(checklistQuery(planId, pointId));
  const categories = useQuery(categoriesQuery());
  const today = useTodayPoints();
  const inspectionId = today.data?.items.find((i) => i.pointId === pointId && i.planId === planId)?.inspectionId;
  const [existing, setExisting] = useState<InspectionView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [gps, setGps] = useState<Gps | null>(null);
  const [writeId, setWriteId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [conflict, setConflict] = useState<InspectionConflict | null>(null);
  const standards = checklist.data?.standards ?? [];

  useEffect(() => void readGps().then((g) => g && setGps(g)), []);
  useEffect(() => {
    if (!checklist.data || draft) return;
    const base = emptyMarks(checklist.data.standards.map((s) => s.id));
    setDraft({ startedAt: new Date().toISOString(), gps: null, note: '', marks: base, negatives: {} });
  }, [checklist.data, draft]);
  useEffect(() => {
    if (!inspectionId || existing) return;
    void api.get<InspectionView>(`inspections/${inspectionId}`).then((i) => {
      setExisting(i);
      setDraft((d) => (d ? { ...d, marks: marksOf(i, d.marks), negatives: negativesOf(i) } : d));
    });
  }, [inspectionId, existing]);

  // The queued write went out (e.g. when the network came back) or was refused.
  // biome-ignore lint/correctness/useExhaustiveDependencies: settle is recreated each render; the queue drives this
  useEffect(() => {
    if (!writeId || status?.kind !== 'queued' || queue.isFlushing) return;
    if (queue.pending.some((w) => w.id === writeId)) return;
    void settle(writeId);
  }, [queue.pending, queue.isFlushing, writeId, status]);

  const score = useMemo(() => {
    const marks = draft?.marks ?? {};
    const obs = Object.entries(marks)
      .filter(([, m]) => m.result)
      .map(([indicatorId, m]) => ({ indicatorId, result: m.result! }));
    const byId = new Map((checklist.data?.negativeItems ?? []).map((n) => [n.id, n]));
    const hits = Object.keys(draft?.negatives ?? {}).flatMap((id) => byId.get(id) ?? []);
    return scoreInspection(standards, obs, hits);
  }, [draft, standards, checklist.data]);
  const missing = standards.filter((s) => !draft?.marks[s.id]?.result).length;

  async function settle(id: string, outcome?: Awaited<ReturnType<typeof sendNow>>) {
    const result = outcome ?? (await sendNow(id));
    if (result.kind === 'queued') return setStatus((s) => (s?.kind === 'queued' ? s : { kind: 'queued' }));
    if (result.kind === 'refused') {
      const current = (result.failed.error.details as { current?: InspectionView } | undefined)?.current;
      if (result.failed.status === 409 && current)
        return setConflict({ mine: result.failed.body as InspectionUpdateBody, theirs: current });
      return setStatus({ kind: 'refused', message: result.failed.error.message });
    }
    setStatus({ kind: 'sent' });
    setWriteId(null);
    Toast.show({ icon: 'success', content: t('inspect.synced') });
    await queryClient.invalidateQueries({ queryKey: ['inspections'] });
    setExisting(null);
  }

  const submit = async () => {
    if (!draft || !planId || !pointId) return;
    const marks = Object.values(draft.marks);
    const confirmed = await Dialog.confirm({
      title: t('inspect.confirmTitle'),
      content: t('inspect.confirmText', {
        rate: formatScore(score.score),
        findings: marks.filter((m) => m.result === 'not_met').length,
        photos: marks.reduce((n, m) => n + m.photos.length, 0),
        negatives: Object.keys(draft.negatives).length,
      }),
      confirmText: t('inspect.confirmSubmit'),
      cancelText: t('inspect.confirmBack'),
    });
    if (!confirmed) return;
    const withGps = { ...draft, gps: gps ?? draft.gps };
    const name = checklist.data?.point.name;
    const id = existing
      ? await queueInspectionEdit(existing.id, existing.version, withGps, name)
      : await queueInspection(planId, pointId, withGps, name);
    setDraft({ ...withGps, marks: clearNewPhotos(withGps.marks) });
    setWriteId(id);
    setStatus(null);
    await settle(id);
  };

  const keepMine = async () => {
    if (!conflict || !writeId || !draft) return;
    await discardFailed(writeId);
    const id = await queueInspectionEdit(
      conflict.theirs.id,
      conflict.theirs.version,
      draft,
      checklist.data?.point.name,
    );
    setExisting(conflict.theirs);
    setConflict(null);
    setWriteId(id);
    await settle(id);
  };
  const takeTheirs = async () => {
    if (!conflict || !writeId) return;
    await discardFailed(writeId);
    setExisting(conflict.theirs);
    setDraft((d) =>
      d ? { ...d, marks: marksOf(conflict.theirs, d.marks), negatives: negativesOf(conflict.theirs) } : d,
    );
    setConflict(null);
    setWriteId(null);
  };

  const setMark = (id: string, mark: Mark) => setDraft((d) => (d ? { ...d, marks: { ...d.marks, [id]: mark } } : d));
  const restMet = () =>
    setDraft((d) =>
      d
        ? {
            ...d,
            marks: Object.fromEntries(
              Object.entries(d.marks).map(([k, m]) => [k, m.result ? m : { ...m, result: 'met' as const }]),
            ),
          }
        : d,
    );
  const c = checklist.data;

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/inspect')}>{c?.point.name ?? t('inspect.checklist')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {checklist.isError && (
        <ErrorBlock status="default" title={t('common.error')} description={checklist.error.message} />
      )}
      {!c && !checklist.isError && <DotLoading />}
      {c && draft && (
        <>
          <List header={c.plan.name}>
            <List.Item
              description={
                c.point.responsibleUnits.length
                  ? t('inspect.units', { names: c.point.responsibleUnits.map((u) => u.name).join('、') })
                  : undefined
              }
            >
              {t(`pointType.${c.point.pointType}`)} · {c.point.name}
            </List.Item>
            <List.Item
              extra={gps ? t('inspect.gps', { lat: gps.lat.toFixed(5), lng: gps.lng.toFixed(5) }) : t('inspect.noGps')}
            >
              {t('inspect.marked', { marked: standards.length - missing, total: standards.length })}
            </List.Item>
          </List>
          {existing && <NoticeBar color="info" content={t('inspect.editing')} wrap />}
          <div style={{ padding: '0 8px' }}>
            {standards.map((s) => (
              <InspectStandardCard
                key={s.id}
                standard={s}
                mark={draft.marks[s.id]}
                gps={gps}
                categories={categories.data ?? []}
                onChange={(m) => setMark(s.id, m)}
              />
            ))}
          </div>
          <InspectNegativeItems
            items={c.negativeItems}
            hits={draft.negatives}
            onChange={(negatives) => setDraft((d) => (d ? { ...d, negatives } : d))}
          />
          <div style={{ position: 'sticky', bottom: 0, background: '#fff', padding: 12, borderTop: '1px solid #eee' }}>
            <div role="status" aria-label={t('inspect.score')} style={{ marginBottom: 8, fontSize: 14 }}>
              {t('inspect.score')}：
              {t('inspect.scoreValue', {
                earned: score.earned,
                applicable: score.applicable,
                rate: formatScore(score.score),
              })}
            </div>
            {status?.kind === 'queued' && (
              <div role="status">
                <NoticeBar color="alert" content={t('inspect.queued')} wrap />
              </div>
            )}
            {status?.kind === 'sent' && <NoticeBar color="success" content={t('inspect.synced')} wrap />}
            {(status?.kind === 'sent' || status?.kind === 'queued') && (
              <Space block justify="center" style={{ margin: '4px 0 8px' }}>
                <Button size="small" color="primary" fill="outline" onClick={() => navigate('/m/inspect')}>
                  {t('inspect.backToToday')}
                </Button>
              </Space>
            )}
            {status?.kind === 'refused' && (
              <div role="alert">
                <NoticeBar color="error" content={t('inspect.refused', { message: status.message })} wrap />
              </div>
            )}
            {missing > 0 && (
              <Button block size="small" style={{ marginBottom: 8 }} onClick={restMet}>
                {t('inspect.restMet')}
              </Button>
            )}
            <Button
              block
              color="primary"
              disabled={missing > 0 || status?.kind === 'queued'}
              onClick={() => void submit()}
            >
              {missing > 0
                ? t('inspect.incomplete', { count: missing })
                : existing
                  ? t('inspect.saveEdit')
                  : t('inspect.submit')}
            </Button>
          </div>
          <InspectConflict
            conflict={conflict}
            standards={standards}
            onKeepMine={() => void keepMine()}
            onUseTheirs={() => void takeTheirs()}
          />
        </>
      )}
    </MobileShell>
  );
}
