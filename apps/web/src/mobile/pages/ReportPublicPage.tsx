import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, Form, Input, NavBar, NoticeBar, Result, Selector, Space, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../features/auth/queries';
import { type Gps, readGps } from '../../features/inspections/offline-photo';
import { MobileLanguageBar } from '../MobileLanguageBar';
import { MobileShell } from '../MobileShell';
import { ReportLookup } from './ReportLookup';
import { ReportPhotoPicker } from './ReportPhotoPicker';

interface Values {
  category: string[];
  description: string;
  name?: string;
  contact?: string;
}

/**
 * 随手拍: a resident's report — photo, location and category to the public endpoint. Signed in, the report is the
 * resident's own (我的上报; the session's CSRF token comes from /me); signed out, it is followed by its number.
 */
export function ReportPublicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Reading /me also gives the client the session's CSRF token, which the report (a write) must carry.
  const me = useMe();
  const signedIn = Boolean(me.data);
  const [isLookingUp, setLookingUp] = useState(false);
  const categories = useQuery({
    queryKey: ['public-problem-categories'],
    queryFn: () =>
      api.get<{ code: string; name: string }[]>('public/problem-categories', undefined, { silentAuth: true }),
  });
  const [photo, setPhoto] = useState<{ file: File; url: string } | null>(null);
  const [gps, setGps] = useState<Gps | null>(null);
  const [number, setNumber] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const startAnother = () => {
    setNumber(null);
    setPhoto(null);
    setLookingUp(false);
  };

  const submit = async (v: Values) => {
    if (!photo) return Toast.show({ content: t('report.photoRequired') });
    const where = gps ?? (await readGps(8000));
    if (!where) return Toast.show({ content: t('report.whereRequired') });
    setGps(where);
    if (
      !(await Dialog.confirm({
        content: t('report.confirm'),
        confirmText: t('report.submit'),
        cancelText: t('common.cancel'),
      }))
    )
      return;
    setSaving(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('category', v.category[0]);
      form.append('description', v.description.trim());
      form.append('lat', String(where.lat));
      form.append('lng', String(where.lng));
      if (v.name?.trim()) form.append('name', v.name.trim());
      if (v.contact?.trim()) form.append('contact', v.contact.trim());
      form.append('file', photo.file);
      const body = await api.post<{ number: string }>('public/problem-reports', form, { silentAuth: true });
      setNumber(body.number);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <MobileShell>
      <NavBar back={signedIn ? '' : null} onBack={() => navigate('/m')}>
        {t('report.publicTitle')}
      </NavBar>
      {number ? (
        <>
          <Result status="success" title={t('report.sent', { number })} description={t('report.track')} />
          <Space direction="vertical" block style={{ padding: 16 }}>
            <Button block color="primary" onClick={() => (signedIn ? navigate('/m/my-reports') : setLookingUp(true))}>
              {t('report.progress')}
            </Button>
            <Button block onClick={() => (signedIn ? navigate('/m') : startAnother())}>
              {signedIn ? t('report.back') : t('report.another')}
            </Button>
          </Space>
          {isLookingUp && <ReportLookup initialNumber={number} />}
        </>
      ) : (
        <>
          <NoticeBar
            content={
              signedIn ? t('report.signedInIntro', { name: me.data?.user.displayName }) : t('report.publicIntro')
            }
            wrap
            color="info"
          />
          {error && (
            <div role="alert">
              <NoticeBar color="error" content={error} wrap />
            </div>
          )}
          <Form
            layout="vertical"
            onFinish={(v: Values) => void submit(v)}
            footer={
              <Button block type="submit" color="primary" size="large" loading={isSaving}>
                {t('report.submit')}
              </Button>
            }
          >
            <Form.Item label={t('problem.photo')}>
              <ReportPhotoPicker
                urls={photo ? [photo.url] : []}
                label={t('myTasks.takePhoto')}
                onPick={(files) => files[0] && setPhoto({ file: files[0], url: URL.createObjectURL(files[0]) })}
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
              <TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item label={t('problem.location')}>
              <span style={{ marginRight: 8 }}>
                {gps
                  ? t('report.located', { lat: gps.lat.toFixed(5), lng: gps.lng.toFixed(5) })
                  : t('report.noLocation')}
              </span>
              <Button size="small" onClick={() => void readGps(8000).then(setGps)}>
                {t('report.locate')}
              </Button>
            </Form.Item>
            <Form.Item name="name" label={t('report.name')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="contact" label={t('report.contact')}>
              <Input type="tel" maxLength={11} />
            </Form.Item>
          </Form>
        </>
      )}
      <MobileLanguageBar />
    </MobileShell>
  );
}
