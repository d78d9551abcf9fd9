import type { BookingView, Page, VenueSlotView, VenueView } from '@wenming/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, List, NavBar, Popup, Stepper, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { MobileShell } from '../../MobileShell';

/** 场馆预约: venues with their open slots for two weeks; a slot opens the booking form; a booking opens its ticket. */
export function VenueBookPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const venues = useQuery({
    queryKey: ['m-venues'],
    queryFn: ({ signal }) => api.get<Page<VenueView>>('venues', { pageSize: 50 }, { signal }),
  });
  const [venueId, setVenueId] = useState<string | null>(null);
  const slots = useQuery({
    queryKey: ['m-venue-slots', venueId],
    queryFn: ({ signal }) => api.get<VenueSlotView[]>(`venues/${venueId}/slots`, { days: 14 }, { signal }),
    enabled: !!venueId,
  });
  const [slot, setSlot] = useState<VenueSlotView | null>(null);
  const book = useMutation({
    mutationFn: (v: { contactName: string; contactPhone?: string; partySize: number }) =>
      api.post<BookingView>(`venues/${venueId}/bookings`, { date: slot?.date, start: slot?.start, ...v }),
  });
  const submit = async (v: { contactName: string; contactPhone?: string; partySize?: number }) => {
    try {
      const b = await book.mutateAsync({
        ...v,
        partySize: v.partySize ?? 1,
        contactPhone: v.contactPhone || undefined,
      });
      Toast.show({ icon: 'success', content: t('mven.booked') });
      navigate(`/m/venue-tickets?open=${b.id}`);
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message });
      void slots.refetch();
    }
  };
  const venue = venues.data?.items.find((v) => v.id === venueId);
  return (
    <MobileShell>
      <NavBar
        onBack={() => (venueId ? setVenueId(null) : navigate('/m'))}
        right={<a href="/m/venue-tickets">{t('mven.tickets')}</a>}
      >
        {venue?.name ?? t('mven.title')}
      </NavBar>
      {!venueId && (
        <List>
          {venues.data?.items.map((v) => (
            <List.Item key={v.id} description={`${v.siteName} · ${v.kindLabel}`} onClick={() => setVenueId(v.id)}>
              {v.name}
            </List.Item>
          ))}
        </List>
      )}
      {venue && (
        <List header={venue.rules}>
          {slots.data?.map((s) => (
            <List.Item
              key={s.startsAt}
              extra={
                s.free > 0 ? <Tag color="success">{t('mven.free', { n: s.free })}</Tag> : <Tag>{t('mven.full')}</Tag>
              }
              onClick={s.free > 0 ? () => setSlot(s) : undefined}
            >
              {s.date} {s.start}–{s.end}
            </List.Item>
          ))}
        </List>
      )}
      <Popup visible={!!slot} onMaskClick={() => setSlot(null)} destroyOnClose>
        <Form
          layout="horizontal"
          onFinish={submit}
          initialValues={{ partySize: 1 }}
          footer={
            <Button block type="submit" color="primary" loading={book.isPending}>
              {t('mven.book')} {slot?.date} {slot?.start}
            </Button>
          }
        >
          <Form.Item name="contactName" label={t('mven.contact')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('mven.phone')}>
            <Input type="tel" />
          </Form.Item>
          <Form.Item name="partySize" label={t('mven.party')}>
            <Stepper min={1} max={venue?.maxPartySize ?? 5} />
          </Form.Item>
        </Form>
      </Popup>
    </MobileShell>
  );
}
