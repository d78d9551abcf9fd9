import { genders, type PersonView } from '@wenming/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect, UnitSelect } from '../../../components/selects';

/** The inputs of a person (names match `personBody`); on edit, blank ID/phone keep the stored values. */
export function PersonFormFields({ person }: { person: PersonView | null }) {
  const { t } = useTranslation();
  const genderOptions = useEnumOptions('gender', genders);
  const required = [{ required: true, message: t('common.required') }];
  const keep = (masked: string | null | undefined) => (masked ? t('person.keep', { masked }) : undefined);
  return (
    <>
      <Form.Item label={t('person.name')} name="name" rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('person.gender')} name="gender">
        <Select allowClear options={genderOptions} />
      </Form.Item>
      <Form.Item label={t('person.idCard')} name="idCard">
        <Input maxLength={18} placeholder={keep(person?.idCardMasked)} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('person.phone')} name="phone">
        <Input maxLength={11} inputMode="tel" placeholder={keep(person?.phoneMasked)} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('person.unit')} name="unitId">
        <UnitSelect allowClear valueLabel={person?.unitName} placeholder={t('common.selectUnit')} />
      </Form.Item>
      <Form.Item label={t('person.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={person?.regionName} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Form.Item label={t('person.position')} name="position">
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}
