import { activityTypes, volunteerSkills } from '@wenming/contracts';
import { Checkbox, Col, DatePicker, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect, SiteSelect } from '../../../components/selects';
import { useProjects } from '../../projects/queries';
import { useAllTeams } from '../../volunteers/queries';
import { useFillFromSite, useOwnSite } from '../../volunteers/use-site-defaults';
import { checkGeofence } from '../activity-rules';
import { GeofenceMap } from './GeofenceMap';
import type { ActivityFormValues } from './activity-form';

/** The inputs of an activity (names match `activityBody`); picking a site fills its region, address and point. */
export function ActivityFormFields({ form }: { form: FormInstance<ActivityFormValues> }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  const typeOptions = useEnumOptions('actType', activityTypes);
  const skillOptions = useEnumOptions('volSkill', volunteerSkills);
  const teams = useAllTeams();
  const projects = useProjects();
  const ownSite = useOwnSite();
  const [regionLabel, setRegionLabel] = useState<string | null>(null);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const radiusM = Form.useWatch('radiusM', form);

  useFillFromSite(form, (site, v) => {
    if (!v.regionCode) setRegionLabel(site.regionName);
    return {
      regionCode: v.regionCode || site.regionCode,
      place: v.place || site.address || site.name,
      lat: v.lat ?? site.lat ?? undefined,
      lng: v.lng ?? site.lng ?? undefined,
    };
  });

  const geoRule = (part: 'lat' | 'lng' | 'radius', message: string) => ({
    validator: () => {
      const v = form.getFieldsValue();
      if (v.lat === undefined || v.lng === undefined || v.lat === null || v.lng === null) return Promise.resolve();
      return checkGeofence(v.lat, v.lng, v.radiusM ?? 300) === part ? Promise.reject(message) : Promise.resolve();
    },
  });

  return (
    <>
      <Form.Item label={t('act.name')} name="title" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('act.type')} name="type" rules={required}>
            <Select options={typeOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('act.limit')} name="recruitLimit" rules={required}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('act.site')} name="siteId">
            <SiteSelect allowClear valueLabel={ownSite?.name} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('act.team')} name="teamId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('act.project')} name="projectId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('act.startsAt')} name="startsAt" rules={required}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('act.endsAt')} name="endsAt" rules={required}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('act.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={regionLabel} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Form.Item label={t('act.place')} name="place" rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={13}>
          <Form.Item label={t('act.lat')} name="lat" rules={[...required, geoRule('lat', t('act.badLat'))]}>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('act.lng')} name="lng" rules={[...required, geoRule('lng', t('act.badLng'))]}>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('act.radius')} name="radiusM" rules={[geoRule('radius', t('act.badRadius'))]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={11}>
          <GeofenceMap
            lat={lat}
            lng={lng}
            radiusM={radiusM}
            size={220}
            onMove={(p) => form.setFieldsValue({ lat: p.lat, lng: p.lng })}
          />
        </Col>
      </Row>
      <Form.Item label={t('act.requiredSkills')} name="requiredSkills">
        <Select mode="multiple" allowClear options={skillOptions} />
      </Form.Item>
      <Form.Item name="teamOnly" valuePropName="checked">
        <Checkbox>{t('act.teamOnly')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('act.description')} name="description">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}
