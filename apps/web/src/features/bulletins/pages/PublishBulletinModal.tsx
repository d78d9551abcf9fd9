// 发布通报: pick a computed evaluation (or correct a bulletin), optionally title it, preview the document as it will
// be published, then confirm to publish once.
import type { BulletinView, EvaluationView, Page } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, buildRequestHeaders, errorFromResponse } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { uuidv7 } from '../../../mobile/uuid';
import { usePublishBulletin } from '../queries';

interface Props {
  open: boolean;
  /** Set for a correction: the bulletin replaced. */
  replaces?: BulletinView | null;
  onClose: () => void;
}

interface Values {
  evaluationId: string;
  title?: string;
}

const previewUrl = (v: Values, replaces: string | undefined, format: 'pdf' | 'docx') =>
  apiUrl(`evaluations/${v.evaluationId}/bulletin-preview.${format}`, { title: v.title || undefined, replaces });

export function PublishBulletinModal({ open, replaces, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const publish = usePublishBulletin();
  // One key per opening: a double click or a resend publishes one bulletin.
  const key = useMemo(() => (open ? uuidv7() : ''), [open]);
  const [preview, setPreview] = useState<Values | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const done = useQuery({
    queryKey: ['evaluations', 'done-for-bulletin'],
    queryFn: () => api.get<Page<EvaluationView>>('evaluations', { state: 'done', pageSize: 100 }),
    enabled: open,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    publish.reset();
    setPreview(null);
    setPreviewError(null);
    if (replaces) form.setFieldsValue({ evaluationId: replaces.evaluationId });
  }, [open, replaces, form, publish.reset]);

  /** Ask the server for the preview first: its refusals (a bad title, an evaluation not done) show on the form. */
  const showPreview = async () => {
    const v = await form.validateFields();
    setPreviewError(null);
    setPreviewing(true);
    try {
      const res = await fetch(previewUrl(v, replaces?.id, 'pdf'), {
        credentials: 'same-origin',
        headers: buildRequestHeaders('GET'),
      });
      if (!res.ok) throw await errorFromResponse(res);
      setPreview(v);
    } catch (err) {
      if (applyFieldErrors(form, err) === null) setPreviewError(err);
    } finally {
      setPreviewing(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    try {
      const b = await publish.mutateAsync({
        evaluationId: preview.evaluationId,
        body: { ...(preview.title ? { title: preview.title } : {}), ...(replaces ? { replaces: replaces.id } : {}) },
        key,
      });
      message.success(t('bulletin.published', { doc: b.docNumber }));
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
    }
  };

  const footer = preview ? (
    <Space>
      <Button onClick={() => setPreview(null)}>{t('bulletin.backToEdit')}</Button>
      <Button type="primary" loading={publish.isPending} onClick={confirm}>
        {t('bulletin.confirmPublish')}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={previewing} onClick={showPreview}>
        {t('bulletin.preview')}
      </Button>
    </Space>
  );

  return (
    <Modal
      open={open}
      title={
        preview
          ? t('bulletin.previewTitle')
          : replaces
            ? t('bulletin.correctTitle', { doc: replaces.docNumber })
            : t('bulletin.publish')
      }
      footer={footer}
      onCancel={onClose}
      destroyOnHidden
      width={preview ? 960 : 560}
    >
      <ApiErrorAlert error={publish.error ?? previewError} />
      {preview && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('bulletin.previewHint')}
            action={
              <a href={previewUrl(preview, replaces?.id, 'docx')} download>
                {t('bulletin.previewWord')}
              </a>
            }
            style={{ marginBottom: 12 }}
          />
          <iframe
            title={t('bulletin.previewFrame')}
            src={previewUrl(preview, replaces?.id, 'pdf')}
            style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9' }}
          />
        </>
      )}
      <div style={{ display: preview ? 'none' : undefined }}>
        <Alert type="info" showIcon title={t('bulletin.publishHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="evaluationId"
            label={t('bulletin.evaluation')}
            rules={[{ required: true, message: t('bulletin.evaluationRequired') }]}
          >
            <Select
              aria-label={t('bulletin.evaluation')}
              loading={done.isLoading}
              showSearch
              optionFilterProp="label"
              options={(done.data?.items ?? []).map((e) => ({
                value: e.id,
                label: `${e.period.label} ${e.name}（v${e.version}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('bulletin.customTitle')} extra={t('bulletin.titleHint')}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
