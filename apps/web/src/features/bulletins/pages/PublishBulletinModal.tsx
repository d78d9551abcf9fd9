// 发布通报: pick a computed evaluation (or correct a bulletin), optionally title it, publish once.
import type { BulletinView, EvaluationView, Page } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, message } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
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

export function PublishBulletinModal({ open, replaces, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ evaluationId: string; title?: string }>();
  const publish = usePublishBulletin();
  // One key per opening: a double click or a resend publishes one bulletin.
  const key = useMemo(() => (open ? uuidv7() : ''), [open]);
  const done = useQuery({
    queryKey: ['evaluations', 'done-for-bulletin'],
    queryFn: () => api.get<Page<EvaluationView>>('evaluations', { state: 'done', pageSize: 100 }),
    enabled: open,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    publish.reset();
    if (replaces) form.setFieldsValue({ evaluationId: replaces.evaluationId });
  }, [open, replaces, form, publish.reset]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const b = await publish.mutateAsync({
        evaluationId: v.evaluationId,
        body: { ...(v.title ? { title: v.title } : {}), ...(replaces ? { replaces: replaces.id } : {}) },
        key,
      });
      message.success(t('bulletin.published', { doc: b.docNumber }));
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
    }
  };

  return (
    <Modal
      open={open}
      title={replaces ? t('bulletin.correctTitle', { doc: replaces.docNumber }) : t('bulletin.publish')}
      okText={t('bulletin.publish')}
      onOk={submit}
      confirmLoading={publish.isPending}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Alert type="info" showIcon message={t('bulletin.publishHint')} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={publish.error} />
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
    </Modal>
  );
}
