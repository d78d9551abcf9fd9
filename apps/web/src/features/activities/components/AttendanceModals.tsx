import type { SignupView } from '@wenming/contracts';
import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { useCloseCheckout, useCorrectAttendance } from '../queries';

const timeFormat = 'YYYY-MM-DD HH:mm';

/** 代为签退: the organiser records when a volunteer who forgot to check out left; the record is flagged. */
export function CloseCheckoutModal(props: {
  activityId: string;
  endsAt: string;
  row: SignupView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useCloseCheckout(props.activityId);
  const row = props.row;
  return (
    <FormModal<{ checkOutAt: Dayjs }>
      open={!!row}
      name="closeCheckout"
      title={t('act.closeTitle', { name: row?.name ?? '' })}
      initialValues={{ checkOutAt: dayjs(props.endsAt) }}
      onClose={props.onClose}
      successMessage={t('common.saved')}
      onSubmit={(v) => close.mutateAsync({ volunteerId: row!.volunteerId, checkOutAt: v.checkOutAt?.toISOString() })}
    >
      <Alert type="info" showIcon title={t('act.closeHint')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('act.closeAt')} name="checkOutAt" rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={timeFormat} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface CorrectValues {
  checkInAt: Dayjs;
  checkOutAt: Dayjs;
  reason: string;
}

/** 更正: new check-in/out times with a reason (audited); the hours are recomputed by the rounding rule. */
export function CorrectAttendanceModal(props: { activityId: string; row: SignupView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const correct = useCorrectAttendance(props.activityId);
  const row = props.row;
  return (
    <FormModal<CorrectValues>
      open={!!row}
      name="correctHours"
      title={t('act.correctTitle', { name: row?.name ?? '' })}
      initialValues={{
        checkInAt: row?.checkInAt ? dayjs(row.checkInAt) : undefined,
        checkOutAt: row?.checkOutAt ? dayjs(row.checkOutAt) : undefined,
      }}
      onClose={props.onClose}
      successMessage={t('act.corrected')}
      onSubmit={(v) =>
        correct.mutateAsync({
          volunteerId: row!.volunteerId,
          checkInAt: v.checkInAt?.toISOString(),
          checkOutAt: v.checkOutAt?.toISOString(),
          reason: v.reason?.trim() ?? '',
        })
      }
    >
      <Form.Item label={t('act.checkIn')} name="checkInAt" rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={timeFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('act.checkOut')}
        name="checkOutAt"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={timeFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('act.correctReason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('act.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
