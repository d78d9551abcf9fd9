import { Button, Form, Input, List, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldPhoto, newFieldPhoto, readGps } from '../../../features/inspections/offline-photo';
import { uploadPhoto } from '../../../features/problems/queries';
import type { OrderTransitionInput } from '../../../features/volunteering/queries-orders';
import { ReportPhotoPicker } from '../ReportPhotoPicker';

interface Values {
  notes: string;
  hours: string;
}

/** 完成服务: what was done, photos from the camera, and the hours served (half-hour steps). */
export function OrderCompleteForm({
  typicalHours,
  onSubmit,
}: {
  typicalHours: number;
  onSubmit: (body: OrderTransitionInput) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<FieldPhoto[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const ids: string[] = [];
      for (const p of photos)
        ids.push(await uploadPhoto(p.file, p.gps ? { gpsLat: String(p.gps.lat), gpsLng: String(p.gps.lng) } : {}));
      if (await onSubmit({ action: 'complete', notes: v.notes.trim(), hours: Number(v.hours), photoFileIds: ids }))
        setPhotos([]);
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <List header={t('msvc.complete')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ hours: String(typicalHours) }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" loading={busy}>
            {t('msvc.complete')}
          </Button>
        }
      >
        <Form.Item
          name="notes"
          label={t('msvc.completeNotes')}
          rules={[{ required: true, whitespace: true, message: t('msvc.notesRequired') }]}
        >
          <TextArea aria-label={t('msvc.completeNotes')} rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('msvc.completeHours')}
          rules={[
            {
              validator: async (_: unknown, value: string | undefined) => {
                const n = Number(value);
                if (!(n >= 0.5 && n <= 24) || Math.abs(n * 2 - Math.round(n * 2)) > 1e-9)
                  throw new Error(t('msvc.hoursInvalid'));
              },
            },
          ]}
        >
          <Input aria-label={t('msvc.completeHours')} type="number" inputMode="decimal" />
        </Form.Item>
        <Form.Item label={t('msvc.completePhotos')}>
          <ReportPhotoPicker
            urls={photos.map((p) => p.url)}
            label={t('msvc.takePhoto')}
            onPick={(files) =>
              void readGps(3000).then((g) => setPhotos((c) => [...c, ...files.map((f) => newFieldPhoto(f, g))]))
            }
          />
        </Form.Item>
      </Form>
    </List>
  );
}
