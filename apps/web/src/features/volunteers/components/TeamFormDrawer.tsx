import { type TeamBody, type TeamView, teamLevels } from '@wenming/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect, SiteSelect, UnitSelect } from '../../../components/selects';
import { teamsResource } from '../queries';
import { parentOptions } from './team-parents';

/** 新建队伍 (a sub-team when `parent` is given): level, parent, the site or unit that leads it. */
export function TeamFormDrawer(props: {
  open: boolean;
  parent: TeamView | null;
  teams: TeamView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = teamsResource.useCreate();
  const levelOptions = useEnumOptions('teamLevel', teamLevels);
  const required = [{ required: true, message: t('common.required') }];
  const childLevel =
    props.parent?.level === 'corps' ? 'brigade' : props.parent?.level === 'brigade' ? 'squad' : undefined;
  return (
    <EntityFormDrawer<TeamBody>
      open={props.open}
      name="team"
      title={props.parent ? t('team.createChild') : t('team.create')}
      initialValues={
        props.parent
          ? {
              parentId: props.parent.id,
              level: childLevel ?? 'specialist',
              regionCode: props.parent.regionCode,
              siteId: props.parent.siteId,
              unitId: props.parent.unitId,
            }
          : { level: 'corps' }
      }
      onClose={props.onClose}
      onSubmit={(v) => create.mutateAsync(v)}
    >
      {(form) => (
        <>
          <Form.Item label={t('team.name')} name="name" rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('team.level')} name="level" rules={required}>
            <Select options={levelOptions} onChange={() => form.setFieldValue('parentId', null)} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.level !== b.level}>
            {() => (
              <Form.Item label={t('team.parent')} name="parentId">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={parentOptions(props.teams, form.getFieldValue('level')).map((x) => ({
                    value: x.id,
                    label: `${x.name}（${t(`teamLevel.${x.level}`)}）`,
                  }))}
                />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item label={t('team.site')} name="siteId">
            <SiteSelect allowClear valueLabel={props.parent?.siteName} />
          </Form.Item>
          <Form.Item label={t('team.unit')} name="unitId">
            <UnitSelect allowClear valueLabel={props.parent?.unitName} />
          </Form.Item>
          <Form.Item label={t('team.region')} name="regionCode" rules={required}>
            <RegionSelect placeholder={t('common.selectRegion')} />
          </Form.Item>
          <Form.Item label={t('team.specialty')} name="specialty">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('team.description')} name="description">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </EntityFormDrawer>
  );
}
