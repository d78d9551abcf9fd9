import type { BookingTicketView, BookingView, Page } from '@wenming/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { MobileShell } from '../../MobileShell';

/** The QR ticket of one booking, drawn by the server as SVG and shown as an image. */
function Ticket({ id, onCancelled }: { id: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const ticket = useQuery({
    queryKey: ['m-venue-ticket', id],
    queryFn: ({ signal }) => api.get<BookingTicketView>(`venue-bookings/${id}/ticket`, undefined, { signal }),
  });
  const cancel = useMutation({ mutationFn: () => api.post<BookingView>(`venue-bookings/${id}/cancel`, {}) });
  const b = ticket.data;
  if (!b) return null;
  const run = () =>
    cancel.mutateAsync().then(onCancelled, (err: Error) => Toast.show({ icon: 'fail', content: err.message }));
  return (
    <Card title={`${b.venueName} · ${b.date} ${b.start}–${b.end}`}>
      {b.status === 'booked' && (
        <>
          <img
            alt={t('mven.showAtDoor')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.qrSvg)}`}
            style={{ width: 220, height: 220, display: 'block', margin: '0 auto' }}
          />
          <p style={{ textAlign: 'center', fontFamily: 'monospace' }}>{b.token}</p>
          <p style={{ textAlign: 'center' }}>{t('mven.showAtDoor')}</p>
        </>
      )}
      {b.actions.includes('cancel') && (
        <Button block size="small" loading={cancel.isPending} onClick={() => void run()}>
          {t('mven.cancel')}
        </Button>
      )}
    </Card>
  );
}

/** 我的预约: the signed-in person's bookings, the chosen one with its QR ticket. */
export function VenueTicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const open = search.get('open');
  const mine = useQuery({
    queryKey: ['m-venue-bookings'],
    queryFn: ({ signal }) => api.get<Page<BookingView>>('my/venue-bookings', { pageSize: 50 }, { signal }),
  });
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/venues')}>{t('mven.tickets')}</NavBar>
      {open && <Ticket id={open} onCancelled={() => void mine.refetch().then(() => setSearch({}))} />}
      <List>
        {mine.data?.items.length === 0 && <List.Item>{t('mven.none')}</List.Item>}
        {mine.data?.items.map((b) => (
          <List.Item
            key={b.id}
            description={`${b.date} ${b.start}–${b.end} · ${b.partySize}`}
            extra={<Tag>{t(`bookingStatus.${b.status}`)}</Tag>}
            onClick={() => setSearch({ open: b.id })}
          >
            {b.venueName}
          </List.Item>
        ))}
      </List>
    </MobileShell>
  );
}
