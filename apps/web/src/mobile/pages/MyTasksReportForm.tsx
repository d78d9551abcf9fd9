import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Grid, Image, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queueReport, type ReportOutcome, sendQueuedReport } from '../../features/campaigns/offline-report';

interface Photo {
  file: File;
  url: string;
}

/**
 * 报送进展 on the phone: text and photos (camera), queued offline-first and sent in order; the page tells
 * whether the report went through, waits on this phone, or was refused (and why).
 */
export function MyTasksReportForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const [isSaving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Previews live until the photo is removed, sent, or the page closes.
  const shown = useRef<Photo[]>([]);
  shown.current = photos;
  useEffect(
    () => () => {
      for (const p of shown.current) URL.revokeObjectURL(p.url);
    },
    [],
  );
  const dropPhoto = (url: string) => {
    URL.revokeObjectURL(url);
    setPhotos((current) => current.filter((x) => x.url !== url));
  };

  const addPhotos = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])].map((file) => ({ file, url: URL.createObjectURL(file) }));
    setPhotos((current) => [...current, ...picked]);
    e.target.value = '';
  };

  const submit = async ({ text }: { text: string }) => {
    setSaving(true);
    setOutcome(null);
    try {
      const entryId = await queueReport(
        taskId,
        text.trim(),
        photos.map((p) => p.file),
      );
      form.resetFields();
      for (const p of photos) URL.revokeObjectURL(p.url);
      setPhotos([]);
      const result = await sendQueuedReport(entryId);
      setOutcome(result);
      if (result.kind === 'sent') Toast.show({ icon: 'success', content: t('myTasks.sent') });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {outcome?.kind === 'queued' && (
        <div role="status">
          <NoticeBar color="alert" content={t('myTasks.queued')} wrap />
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert">
          <NoticeBar color="error" content={outcome.message} wrap />
        </div>
      )}
      <Form
        form={form}
        name="my-task-report"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving}>
            {t('myTasks.submit')}
          </Button>
        }
      >
        <Form.Header>{t('myTasks.reportTitle')}</Form.Header>
        <Form.Item
          name="text"
          label={t('task.reportText')}
          rules={[{ required: true, whitespace: true, message: t('myTasks.textRequired') }]}
        >
          <TextArea placeholder={t('myTasks.textPlaceholder')} rows={4} maxLength={10_000} showCount />
        </Form.Item>
        <Form.Item label={t('myTasks.photos')}>
          <Grid columns={3} gap={8}>
            {photos.map((p, i) => (
              <Grid.Item key={p.url}>
                <Image src={p.url} width="100%" height={88} fit="cover" alt={`${t('myTasks.photos')} ${i + 1}`} />
                <Button size="mini" fill="none" color="danger" onClick={() => dropPhoto(p.url)}>
                  {t('myTasks.removePhoto')}
                </Button>
              </Grid.Item>
            ))}
          </Grid>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-label={t('myTasks.takePhoto')}
            style={{ display: 'none' }}
            onChange={addPhotos}
          />
          <Button size="small" style={{ marginTop: 8 }} onClick={() => input.current?.click()}>
            {t('myTasks.takePhoto')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
