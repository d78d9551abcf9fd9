import type { VolunteerView } from '@wenming/contracts';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { volunteersResource } from '../queries';
import { useOwnSite } from '../use-site-defaults';
import { VolunteerFormFields } from './VolunteerFormFields';
import { existingFrom, toVolunteerBody, type VolunteerFormValues } from './volunteer-body';

/** 登记志愿者: field errors under the inputs; a second registration of the same ID links to the first. */
export function VolunteerCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = volunteersResource.useCreate();
  const ownSite = useOwnSite();
  const [existing, setExisting] = useState<ReturnType<typeof existingFrom>>(null);
  const submit = async (v: VolunteerFormValues) => {
    setExisting(null);
    try {
      return await create.mutateAsync(toVolunteerBody(v) as never);
    } catch (err) {
      setExisting(existingFrom(err));
      throw err;
    }
  };
  return (
    <EntityFormDrawer<VolunteerFormValues>
      open={open}
      name="volunteer"
      title={t('vol.create')}
      width={640}
      initialValues={{ siteId: ownSite?.id, skills: [], availability: [], serviceAreas: [] }}
      onClose={() => {
        setExisting(null);
        onClose();
      }}
      onSubmit={submit}
    >
      {existing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('vol.alreadyRegistered', { number: existing.number ?? '' })}
          action={<Link to={`/volunteers/${existing.id}`}>{t('vol.openExisting')}</Link>}
        />
      )}
      <VolunteerFormFields volunteer={null as VolunteerView | null} />
    </EntityFormDrawer>
  );
}
