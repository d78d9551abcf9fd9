import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ErrorBlock,
  Image,
  List,
  NavBar,
  NoticeBar,
  Skeleton,
  Space,
  Steps,
  TextArea,
  Toast,
} from 'antd-mobile';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/format';
import { type FieldPhoto, newFieldPhoto, readGps, sendNow } from '../../features/inspections/offline-photo';
import { queueRectification } from '../../features/problems/offline-problem';
import { useProblem } from '../../features/problems/queries';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';
import { MobileProblemTag } from './ProblemListPage';

type Outcome = { kind: 'sent' } | { kind: 'queued' } | { kind: 'refused'; message: string } | null;

/** One problem on the phone: what and where, the before photo, its history, and 整改 with an after-photo. */
export function ProblemRectifyPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const problem = useProblem(id);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<FieldPhoto[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isSaving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Queued writes went out: show what the server holds now.
  const lastPending = useRef(queue.pendingCount);
  useEffect(() => {
    if (queue.pendingCount < lastPending.current) {
      void queryClient.invalidateQueries({ queryKey: ['problems'] });
      if (queue.pendingCount === 0 && outcome?.kind === 'queued') setOutcome({ kind: 'sent' });
    }
    lastPending.current = queue.pendingCount;
  }, [queue.pendingCount, queryClient, outcome]);

  const addPhotos = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const gps = await readGps(3000);
    setPhotos((current) => [...current, ...files.map((f) => newFieldPhoto(f, gps))]);
  };

  const p = problem.data;
  const canRectify = !!p && (p.allowedActions.includes('submit') || p.allowedActions.includes('start'));
  const submit = async () => {
    if (!p) return;
    if (photos.length === 0) {
      Toast.show({ content: t('problem.afterPhotoRequired') });
      return;
    }
    setSaving(true);
    try {
      const writeId = await queueRectification(p.id, p.allowedActions, note, photos);
      setPhotos([]);
      setNote('');
      const result = await sendNow(writeId);
      if (result.kind === 'refused') setOutcome({ kind: 'refused', message: result.failed.error.message });
      else setOutcome(result);
      if (result.kind === 'sent') Toast.show({ icon: 'success', content: t('myProblems.sent') });
      await queryClient.invalidateQueries({ queryKey: ['problems'] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/problems')}>{p?.number ?? t('problem.detail')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {problem.isError && <ErrorBlock status="default" title={t('common.error')} description={problem.error.message} />}
      {!p && !problem.isError && <Skeleton.Paragraph lineCount={6} animated />}
      {p && (
        <>
          <List header={p.category.name}>
            <List.Item extra={<MobileProblemTag status={p.status} isOverdue={p.isOverdue} />}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>
            </List.Item>
            <List.Item extra={p.assignedUnit?.name ?? '—'}>{t('problem.unit')}</List.Item>
            <List.Item extra={formatDateTime(p.deadlineAt) || '—'}>{t('problem.deadline')}</List.Item>
            <List.Item description={p.address ?? p.regionName ?? ''}>{t('problem.location')}</List.Item>
          </List>
          <List header={t('problem.photos')}>
            <List.Item>
              <Space wrap>
                {p.photos.before.map((ph, i) => (
                  <Image
                    key={ph.fileId}
                    src={ph.url}
                    width={100}
                    height={100}
                    fit="cover"
                    alt={`${t('problem.before')} ${i + 1}`}
                  />
                ))}
                {p.photos.after.map((ph, i) => (
                  <Image
                    key={ph.fileId}
                    src={ph.url}
                    width={100}
                    height={100}
                    fit="cover"
                    alt={`${t('problem.after')} ${i + 1}`}
                  />
                ))}
                {p.photos.before.length + p.photos.after.length === 0 && t('problem.noPhoto')}
              </Space>
            </List.Item>
          </List>
          <List header={t('problem.timeline')}>
            <List.Item>
              <Steps direction="vertical" current={p.history.length - 1}>
                {p.history.map((h) => (
                  <Steps.Step
                    key={h.id}
                    title={`${t(`problemAction.${h.action}`)} → ${t(`problemStatus.${h.toStatus}`)}`}
                    description={`${h.actorName ?? ''} ${formatDateTime(h.at)}${h.reason ? ` · ${h.reason}` : ''}`}
                  />
                ))}
              </Steps>
            </List.Item>
          </List>
          {outcome?.kind === 'queued' && (
            <div role="status">
              <NoticeBar color="alert" content={t('myProblems.queued')} wrap />
            </div>
          )}
          {outcome?.kind === 'refused' && (
            <div role="alert">
              <NoticeBar color="error" content={outcome.message} wrap />
            </div>
          )}
          {canRectify && (
            <List header={t('myProblems.rectify')}>
              <List.Item>
                <TextArea
                  aria-label={t('myProblems.rectifyNote')}
                  placeholder={t('myProblems.rectifyNote')}
                  value={note}
                  onChange={setNote}
                  rows={3}
                  maxLength={2000}
                />
              </List.Item>
              <List.Item>
                <Space wrap>
                  {photos.map((ph, i) => (
                    <Image
                      key={ph.id}
                      src={ph.url}
                      width={80}
                      height={80}
                      fit="cover"
                      alt={`${t('problem.afterPhoto')} ${i + 1}`}
                    />
                  ))}
                </Space>
                <input
                  ref={input}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  aria-label={t('myProblems.takePhoto')}
                  style={{ display: 'none' }}
                  onChange={(e) => void addPhotos(e)}
                />
                <Button size="small" style={{ marginTop: 8 }} onClick={() => input.current?.click()}>
                  {t('myProblems.takePhoto')}
                </Button>
              </List.Item>
              <List.Item>
                <Button block color="primary" loading={isSaving} onClick={() => void submit()}>
                  {t('myProblems.submitRectify')}
                </Button>
              </List.Item>
            </List>
          )}
        </>
      )}
    </MobileShell>
  );
}
