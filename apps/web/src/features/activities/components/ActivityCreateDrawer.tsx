import type { ActivityView } from '@wenming/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { uuidv7 } from '../../../mobile/uuid';
import { useOwnSite } from '../../volunteers/use-site-defaults';
import { activitiesResource } from '../queries';
import { type ActivityFormValues, toActivityBody } from './activity-form';
import { ActivityFormFields } from './ActivityFormFields';

/** 发布活动: one client id per opened form, so a double submit stores one activity; opens it when saved. */
export function ActivityCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = activitiesResource.useCreate();
  const ownSite = useOwnSite();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new id each time the drawer opens
  const id = useMemo(() => uuidv7(), [open]);
  const submit = async (v: ActivityFormValues) => {
    const saved = (await create.mutateAsync(toActivityBody(v, id) as never)) as ActivityView;
    navigate(`/activities/${saved.id}`);
  };
  return (
    <EntityFormDrawer<ActivityFormValues>
      open={open}
      name="activity"
      title={t('act.create')}
      width={680}
      initialValues={{ siteId: ownSite?.id, radiusM: 300, recruitLimit: 20, requiredSkills: [], teamOnly: false }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => <ActivityFormFields form={form} />}
    </EntityFormDrawer>
  );
}
