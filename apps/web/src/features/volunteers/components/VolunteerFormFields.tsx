import {
  dayParts,
  educationLevels,
  politicalStatuses,
  type VolunteerView,
  volunteerSkills,
  weekdays,
} from '@wenming/contracts';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { RemoteMultiSelect } from '../../../components/RemoteSelect';
import { RegionSelect, SiteSelect } from '../../../components/selects';
import { useFillFromSite, useOwnSite } from '../use-site-defaults';

/** Weekday × morning/afternoon/evening checkboxes; the value is the list of slot codes (`mon_am`). */
function AvailabilityGrid(props: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group value={props.value ?? []} onChange={(v) => props.onChange?.(v as string[])}>
      <table id={props.id} style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {weekdays.map((d) => (
            <tr key={d}>
              <td style={{ paddingRight: 12 }}>{t(`volDay.${d}`)}</td>
              {dayParts.map((p) => (
                <td key={p} style={{ paddingRight: 12 }}>
                  <Checkbox value={`${d}_${p}`}>{t(`volPart.${p}`)}</Checkbox>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Checkbox.Group>
  );
}

/** The inputs of a volunteer record (names match `volunteerCreateBody`); ID and phone only on create. */
export function VolunteerFormFields({ volunteer }: { volunteer: VolunteerView | null }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  const skillOptions = useEnumOptions('volSkill', volunteerSkills);
  const politicalOptions = useEnumOptions('volPolitical', politicalStatuses);
  const educationOptions = useEnumOptions('volEducation', educationLevels);
  const isNew = !volunteer;
  const form = Form.useFormInstance<{ regionCode?: string }>();
  const ownSite = useOwnSite();
  const [regionLabel, setRegionLabel] = useState<string | null>(null);
  useFillFromSite(form, (site, v) => {
    if (!v.regionCode) setRegionLabel(site.regionName);
    return { regionCode: v.regionCode || site.regionCode };
  });
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('vol.name')} name="name" rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('vol.phone')} name="phone" rules={required}>
            <Input
              maxLength={11}
              inputMode="tel"
              autoComplete="off"
              placeholder={volunteer?.phoneMasked ?? undefined}
            />
          </Form.Item>
        </Col>
      </Row>
      {isNew && (
        <Form.Item label={t('vol.idCard')} name="idCard" rules={required}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label={t('vol.skills')} name="skills">
        <Select mode="multiple" allowClear options={skillOptions} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('vol.politicalStatus')} name="politicalStatus">
            <Select allowClear options={politicalOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('vol.education')} name="education">
            <Select allowClear options={educationOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('vol.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={volunteer?.regionName ?? regionLabel} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Form.Item label={t('vol.serviceAreas')} name="serviceAreas">
        <RemoteMultiSelect<{ code: string; name: string }>
          source={{ queryKey: 'regions', path: 'regions', toOption: (r) => ({ value: r.code, label: r.name }) }}
        />
      </Form.Item>
      <Form.Item label={t('vol.site')} name="siteId">
        <SiteSelect allowClear valueLabel={volunteer?.siteName ?? ownSite?.name} />
      </Form.Item>
      <Form.Item label={t('vol.availability')} name="availability">
        <AvailabilityGrid />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('vol.emergencyName')} name="emergencyName">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('vol.emergencyPhone')} name="emergencyPhone">
            <Input maxLength={11} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
