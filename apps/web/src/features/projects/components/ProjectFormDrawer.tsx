import type { ProjectDetailView, ProjectView } from '@wenming/contracts';
import { Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { RegionSelect, SiteSelect } from '../../../components/selects';
import { useAllTeams } from '../../volunteers/queries';
import { useFillFromSite, useOwnSite } from '../../volunteers/use-site-defaults';
import { type ProjectInput, useSaveProject } from '../queries';

function ProjectFields({ editing }: { editing?: ProjectDetailView }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProjectInput>();
  const teams = useAllTeams();
  const ownSite = useOwnSite();
  const [regionLabel, setRegionLabel] = useState<string | null>(editing?.regionName ?? null);
  // Picking a site fills the region when it is still empty (a station sees no region list).
  useFillFromSite(form, (site, v) => {
    if (!v.regionCode) setRegionLabel(site.regionName);
    return { regionCode: v.regionCode || site.regionCode };
  });
  const siteOrTeam = {
    validator: () =>
      form.getFieldValue('siteId') || form.getFieldValue('teamId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('proj.siteOrTeam'))),
  };
  return (
    <>
      <Form.Item name="name" label={t('proj.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('proj.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="siteId" label={t('proj.site')} rules={[siteOrTeam]} dependencies={['teamId']}>
        <SiteSelect allowClear aria-label={t('proj.site')} valueLabel={editing?.siteName ?? ownSite?.name} />
      </Form.Item>
      <Form.Item name="teamId" label={t('proj.team')}>
        <Select
          allowClear
          aria-label={t('proj.team')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('proj.region')} rules={[{ required: true }]}>
        <RegionSelect aria-label={t('proj.region')} valueLabel={regionLabel} />
      </Form.Item>
      <Form.Item name="isBrand" label={t('proj.isBrand')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

/** Create a project of a site or team, or edit one (with the version read; a stale one is reloaded). */
export function ProjectFormDrawer(props: {
  open: boolean;
  editing?: ProjectDetailView;
  onClose: () => void;
  onSaved?: (p: ProjectView) => void;
  /** Fetches the project again after someone else saved it first. */
  onReload?: () => Promise<Partial<ProjectInput>>;
}) {
  const { open, editing, onClose, onSaved, onReload } = props;
  const { t } = useTranslation();
  const save = useSaveProject(editing);
  const ownSite = useOwnSite();
  const initialValues: Partial<ProjectInput> = editing ?? { isBrand: true, siteId: ownSite?.id };
  return (
    <EntityFormDrawer<ProjectInput>
      open={open}
      title={editing ? t('proj.edit') : t('proj.create')}
      name="project"
      initialValues={initialValues}
      onClose={onClose}
      onReload={onReload}
      onSubmit={async (v) => {
        const p = await save.mutateAsync({
          ...v,
          description: v.description?.trim() || null,
          siteId: v.siteId || null,
          teamId: v.teamId || null,
          isBrand: !!v.isBrand,
        });
        onSaved?.(p);
      }}
    >
      <ProjectFields editing={editing} />
    </EntityFormDrawer>
  );
}
