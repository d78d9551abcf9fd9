import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Form, NavBar, NoticeBar, Selector, Space, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type FieldPhoto, type Gps, newFieldPhoto, readGps, sendNow } from '../../features/inspections/offline-photo';
import { queueProblemReport } from '../../features/problems/offline-problem';
import { useProblemCategories } from '../../features/problems/queries';
import { useCurrentUser } from '../../features/auth/queries';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';
import { ReportPhotoPicker } from './ReportPhotoPicker';

type Outcome = { kind: 'sent' } | { kind: 'queued' } | { kind: 'refused'; message: string } | null;

/** 上报问题 by a grid worker: photo, location (GPS) and category, queued offline-first. */
export function ReportProblemPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const user = useCurrentUser();
  const categories = useProblemCategories();
  const [form] = Form.useForm<{ category: string[]; description: string }>();
  const [photos, setPhotos] = useState<FieldPhoto[]>([]);
  const [gps, setGps] = useState<Gps | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isSaving, setSaving] = useState(false);

  const locate = async () => {
    const g = await readGps(8000);
    setGps(g);
    if (!g) Toast.show({ content: t('report.noLocation') });
  };
  const submit = async (v: { category: string[]; description: string }) => {
    if (photos.length === 0) return Toast.show({ content: t('report.photoRequired') });
    const where = gps ?? photos.find((p) => p.gps)?.gps ?? null;
    const scope = user.roles.find((r) => r.scope.kind === 'region')?.scope;
    const regionCode = scope?.ref ?? null;
    if (!where && !regionCode) return Toast.show({ content: t('report.whereRequired') });
    if (
      !(await Dialog.confirm({
        content: t('report.confirm'),
        confirmText: t('report.submit'),
        cancelText: t('common.cancel'),
      }))
    )
      return;
    setSaving(true);
    try {
      const id = await queueProblemReport(
        {
          source: 'grid',
          category: v.category[0],
          description: v.description.trim(),
          lat: where?.lat ?? null,
          lng: where?.lng ?? null,
          regionCode: /^\d{2,12}$/.test(regionCode ?? '') ? regionCode : null,
        },
        photos,
      );
      const result = await sendNow(id);
      setOutcome(result.kind === 'refused' ? { kind: 'refused', message: result.failed.error.message } : result);
      if (result.kind !== 'refused') {
        form.resetFields();
        setPhotos([]);
      }
      if (result.kind === 'sent') Toast.show({ icon: 'success', content: t('myProblems.sent') });
      await queryClient.invalidateQueries({ queryKey: ['problems'] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/problems')}>{t('report.title')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {outcome?.kind === 'queued' && (
        <div role="status">
          <NoticeBar color="alert" content={t('myProblems.queued')} wrap />
        </div>
      )}
      {outcome?.kind === 'sent' && <NoticeBar color="success" content={t('myProblems.sent')} wrap />}
      {outcome && outcome.kind !== 'refused' && (
        <Space block style={{ padding: '8px 12px' }}>
          <Button size="small" color="primary" onClick={() => navigate('/m/my-reports')}>
            {t('report.progress')}
          </Button>
          <Button size="small" onClick={() => navigate('/m')}>
            {t('report.back')}
          </Button>
        </Space>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert">
          <NoticeBar color="error" content={outcome.message} wrap />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving}>
            {t('report.submit')}
          </Button>
        }
      >
        <Form.Item label={t('problem.photo')}>
          <ReportPhotoPicker
            urls={photos.map((p) => p.url)}
            label={t('myTasks.takePhoto')}
            onPick={(files) =>
              void readGps(3000).then((g) => setPhotos((c) => [...c, ...files.map((f) => newFieldPhoto(f, g))]))
            }
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('problem.category')}
          rules={[{ required: true, message: t('report.categoryRequired') }]}
        >
          <Selector columns={3} options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('problem.description')}
          rules={[{ required: true, whitespace: true, message: t('report.descriptionRequired') }]}
        >
          <TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('problem.location')}>
          <span style={{ marginRight: 8 }}>
            {gps ? t('report.located', { lat: gps.lat.toFixed(5), lng: gps.lng.toFixed(5) }) : t('report.noLocation')}
          </span>
          <Button size="small" onClick={() => void locate()}>
            {t('report.locate')}
          </Button>
        </Form.Item>
      </Form>
    </MobileShell>
  );
}
