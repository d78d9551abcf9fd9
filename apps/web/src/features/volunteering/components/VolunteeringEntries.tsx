import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/queries';
import { useMyVolunteer } from '../queries';

/** The phone home's entries to volunteering, service orders and the time bank, by the user's permissions. */
export function VolunteeringEntries() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = new Set(useCurrentUser().permissions);
  const me = useMyVolunteer(can.has('volunteer.register'));
  const entries: { path: string; title: string; hint: string }[] = [];
  if (can.has('activity.join'))
    entries.push(
      { path: '/m/activities', title: t('mvol.activities'), hint: t('mvol.hubHint') },
      { path: '/m/hours', title: t('mvol.hours.title'), hint: t('mvol.hours.certificate') },
    );
  if (can.has('volunteer.register') && me.data === null)
    entries.unshift({ path: '/m/volunteer/register', title: t('mvol.register.title'), hint: t('mvol.register.hint') });
  if (can.has('order.accept'))
    entries.push({ path: '/m/orders', title: t('msvc.volunteerOrders'), hint: t('msvc.volunteerOrdersHint') });
  if (can.has('order.create'))
    entries.push(
      { path: '/m/services', title: t('msvc.hub'), hint: t('msvc.hubHint') },
      { path: '/m/orders', title: t('msvc.myOrders'), hint: t('msvc.timeline') },
    );
  if (can.has('timebank.read')) entries.push({ path: '/m/timebank', title: t('mtb.title'), hint: t('mtb.hint') });
  const unique = entries.filter((e, i) => entries.findIndex((o) => o.path === e.path) === i);
  if (unique.length === 0) return null;
  return (
    <List header={t('mvol.hub')}>
      {unique.map((e) => (
        <List.Item key={e.path} onClick={() => navigate(e.path)} description={e.hint}>
          {e.title}
        </List.Item>
      ))}
    </List>
  );
}
