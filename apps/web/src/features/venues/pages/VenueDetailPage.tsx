import type { BookingView } from '@wenming/contracts';
import { App, Button, Card, Input, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useBookingAction, useCheckIn, useVenue, useVenueBookings, useVenueSlots, useVenueUsage } from '../queries';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const lastMonths = (n: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return Array.from({ length: n }, (_, i) => {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (n - 1 - i), 1));
    return m.toISOString().slice(0, 7);
  });
};

function BookingTable({ items, loading }: { items?: BookingView[]; loading: boolean }) {
  const { t } = useTranslation();
  const act = useBookingAction();
  const { message } = App.useApp();
  const run = (id: string, action: 'approve' | 'reject' | 'mark_no_show' | 'cancel') =>
    act.mutateAsync({ id, action }).then(
      () => message.success(t('common.saved')),
      (e: Error) => message.error(e.message),
    );
  return (
    <Table<BookingView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      columns={[
        { title: t('venue.date'), dataIndex: 'date' },
        { title: t('venue.slot'), key: 'slot', render: (_, b) => `${b.start}–${b.end}` },
        { title: t('venue.contact'), dataIndex: 'contactName' },
        { title: t('venue.group'), dataIndex: 'groupName' },
        { title: t('venue.party'), dataIndex: 'partySize' },
        { title: t('venue.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`bookingStatus.${s}`)}</Tag> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, b) => (
            <Space>
              {b.actions
                .filter((a) => a !== 'check_in')
                .map((a) => (
                  <Button key={a} size="small" onClick={() => void run(b.id, a as 'approve')}>
                    {t(`bookingAction.${a}`)}
                  </Button>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** One venue: its slot calendar with bookings, the group review queue, check-in at the door and usage by month. */
export function VenueDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const venue = useVenue(id);
  const [from] = useState(today());
  const slots = useVenueSlots(id, from);
  const bookings = useVenueBookings(id, { from, pageSize: 200 });
  const review = useVenueBookings(id, { status: 'pending_review', pageSize: 200 });
  const months = lastMonths(6);
  const usage = useVenueUsage(id, months);
  const checkIn = useCheckIn(id ?? '');
  const [token, setToken] = useState('');
  const submitToken = () =>
    checkIn.mutateAsync(token.trim()).then((b) => {
      message.success(t('venue.checkedIn', { name: b.contactName, party: b.partySize }));
      setToken('');
    });
  return (
    <Card title={venue.data ? `${venue.data.name} · ${venue.data.siteName}` : t('venue.title')}>
      <ApiErrorAlert error={venue.error} />
      <Tabs
        items={[
          {
            key: 'calendar',
            label: t('venue.calendar'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Table
                  rowKey="startsAt"
                  size="small"
                  loading={slots.isFetching}
                  dataSource={slots.data}
                  pagination={{ pageSize: 10 }}
                  columns={[
                    { title: t('venue.date'), dataIndex: 'date' },
                    { title: t('venue.slot'), key: 'slot', render: (_, s) => `${s.start}–${s.end}` },
                    { title: t('venue.capacity'), dataIndex: 'capacity' },
                    { title: t('venue.booked'), dataIndex: 'booked' },
                    {
                      title: t('venue.free'),
                      dataIndex: 'free',
                      render: (f: number, s) => (
                        <Progress percent={Math.round((s.booked / s.capacity) * 100)} format={() => f} size="small" />
                      ),
                    },
                  ]}
                />
                <Typography.Title level={5}>{t('venue.bookings')}</Typography.Title>
                <BookingTable items={bookings.data?.items} loading={bookings.isFetching} />
              </Space>
            ),
          },
          {
            key: 'review',
            label: `${t('venue.review')}（${review.data?.total ?? 0}）`,
            children: <BookingTable items={review.data?.items} loading={review.isFetching} />,
          },
          {
            key: 'check-in',
            label: t('venue.checkIn'),
            children: (
              <Space direction="vertical">
                <ApiErrorAlert error={checkIn.error} />
                <Space>
                  <Input
                    aria-label={t('venue.token')}
                    placeholder={t('venue.token')}
                    value={token}
                    onChange={(e) => setToken(e.target.value)}
                    onPressEnter={() => void submitToken()}
                    style={{ width: 320 }}
                  />
                  <Button type="primary" loading={checkIn.isPending} onClick={() => void submitToken()}>
                    {t('venue.checkInButton')}
                  </Button>
                </Space>
              </Space>
            ),
          },
          {
            key: 'usage',
            label: t('venue.usage'),
            children: (
              <Table
                rowKey="month"
                size="small"
                pagination={false}
                dataSource={usage.map((u) => u.data).filter((u) => !!u)}
                columns={[
                  { title: t('venue.month'), dataIndex: 'month' },
                  { title: t('venue.offered'), dataIndex: 'offeredPlaces' },
                  { title: t('venue.booked'), dataIndex: 'bookedPlaces' },
                  { title: t('venue.attended'), dataIndex: 'attendedPlaces' },
                  { title: t('venue.noShow'), dataIndex: 'noShowPlaces' },
                  {
                    title: t('venue.usageRate'),
                    dataIndex: 'usageRate',
                    render: (r: number) => (
                      <Progress percent={Math.round(r * 1000) / 10} size="small" style={{ width: 160 }} />
                    ),
                  },
                  {
                    title: t('venue.bookingRate'),
                    dataIndex: 'bookingRate',
                    render: (r: number) => `${(r * 100).toFixed(1)}%`,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
