import { type VenueView, venueKinds } from '@wenming/contracts';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { FormModal } from '../../../components/FormModal';
import { SiteSelect } from '../../../components/selects';
import { fromOpeningSlots, toClosures, toOpeningSlots } from '../opening-form';
import { useSaveVenue } from '../queries';

interface Values {
  siteId: string;
  name: string;
  kind: VenueView['kind'];
  capacity: number;
  weekdays: number[];
  times: string;
  closures?: string;
  rules?: string;
  cancelHours: number;
  maxPartySize: number;
}

/** Add or change a venue: its site, type, capacity, weekly openings, closures and rules. */
export function VenueFormModal({
  venue,
  open,
  onClose,
}: {
  venue: VenueView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveVenue();
  const kinds = useEnumOptions('venueKind', venueKinds);
  const initial: Partial<Values> = venue
    ? {
        ...venue,
        ...fromOpeningSlots(venue.openingSlots),
        closures: venue.closures.map((c) => c.date).join(', '),
        rules: venue.rules ?? undefined,
      }
    : {
        kind: 'history_hall',
        capacity: 30,
        weekdays: [2, 3, 4, 5, 6, 7],
        times: '09:00-10:30, 14:00-15:30',
        cancelHours: 2,
        maxPartySize: 5,
      };
  const submit = (v: Values) => {
    const body = {
      name: v.name,
      kind: v.kind,
      capacity: v.capacity,
      openingSlots: toOpeningSlots(v.weekdays ?? [], v.times ?? ''),
      closures: toClosures(v.closures),
      rules: v.rules?.trim() || null,
      cancelHours: v.cancelHours,
      maxPartySize: v.maxPartySize,
    };
    return venue
      ? save.mutateAsync({ id: venue.id, body: { ...body, version: venue.version } })
      : save.mutateAsync({ body: { ...body, siteId: v.siteId } });
  };
  const weekdayOptions = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }));
  return (
    <FormModal<Values>
      open={open}
      name="venue"
      title={venue ? t('venue.edit') : t('venue.create')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      successMessage={t('common.saved')}
    >
      {!venue && (
        <Form.Item name="siteId" label={t('venue.site')} rules={[{ required: true }]}>
          <SiteSelect />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('venue.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('venue.kind')} rules={[{ required: true }]}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item name="capacity" label={t('venue.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100000} />
      </Form.Item>
      <Form.Item name="weekdays" label={t('venue.weekdays')} rules={[{ required: true }]}>
        <Checkbox.Group options={weekdayOptions} />
      </Form.Item>
      <Form.Item name="times" label={t('venue.times')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="closures" label={t('venue.closures')}>
        <Input />
      </Form.Item>
      <Form.Item name="cancelHours" label={t('venue.cancelHours')}>
        <InputNumber min={0} max={720} />
      </Form.Item>
      <Form.Item name="maxPartySize" label={t('venue.maxPartySize')}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="rules" label={t('venue.rules')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
