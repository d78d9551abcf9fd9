import type { TimebankEntryView } from '@wenming/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../api/form-errors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { uuidv7 } from '../../../mobile/uuid';
import { useReverseJournal } from '../queries';

/** 冲正: reason required, then a confirmation; the server books the opposite entry (the original stays). */
export function ReverseEntryModal({ entry, onClose }: { entry: TimebankEntryView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reverse = useReverseJournal();
  // One key per opened entry: confirming twice books one reversal.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key for each entry opened
  const key = useMemo(() => uuidv7(), [entry?.journalId]);

  const close = () => {
    reverse.reset();
    onClose();
  };
  const send = async (reason: string) => {
    try {
      await reverse.mutateAsync({ journalId: entry!.journalId, reason, key });
      message.success(t('tb.reversedDone'));
      close();
    } catch (err) {
      applyFieldErrors(form, err);
    }
  };
  const ok = async () => {
    const { reason } = await form.validateFields();
    modal.confirm({
      title: t('tb.reverseConfirm', { amount: Math.abs(entry?.amount ?? 0) }),
      content: t('tb.reverseHint'),
      okText: t('tb.reverse'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(reason.trim()),
    });
  };

  return (
    <Modal
      open={!!entry}
      title={t('tb.reverseTitle')}
      okText={t('tb.reverse')}
      okButtonProps={{ danger: true, loading: reverse.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => void ok().catch(() => {})}
      onCancel={close}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('tb.reverseHint')} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={reverse.error} />
      <Form form={form} name="reverse" layout="vertical">
        <Form.Item
          label={t('tb.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('tb.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
