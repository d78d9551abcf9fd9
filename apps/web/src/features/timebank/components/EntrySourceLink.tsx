import type { TimebankEntrySource } from '@wenming/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { describeEntrySource } from '../entry-source';

/** The activity or order that earned a statement line, linked to its page when the reader may open it. */
export function EntrySourceLink({ source }: { source: TimebankEntrySource | null }) {
  const { t } = useTranslation();
  const { can } = useAccess();
  if (!source) return null;
  const text = describeEntrySource(source, t);
  if (source.kind === 'order' && can('order.read')) return <Link to={`/orders/${source.id}`}>{text}</Link>;
  if (source.kind === 'activity' && can('activity.read')) return <Link to={`/activities/${source.id}`}>{text}</Link>;
  return <span>{text}</span>;
}
