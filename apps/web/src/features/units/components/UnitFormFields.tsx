import { honorTiers, unitTypes } from '@wenming/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect, UnitSelect } from '../../../components/selects';

/** The inputs of a unit (names match `unitBody` so that server field errors land under them). */
export function UnitFormFields({
  regionName,
  maskedPhone,
}: {
  regionName?: string | null;
  maskedPhone?: string | null;
}) {
  const { t } = useTranslation();
  const typeOptions = useEnumOptions('unitType', unitTypes);
  const tierOptions = useEnumOptions('honorTier', honorTiers);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item label={t('unit.name')} name="name" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('unit.type')} name="type" rules={required}>
        <Select options={typeOptions} />
      </Form.Item>
      <Form.Item label={t('unit.creditCode')} name="creditCode">
        <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item label={t('unit.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={regionName} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Form.Item label={t('unit.parent')} name="parentUnitId">
        <UnitSelect allowClear placeholder={t('common.selectUnit')} />
      </Form.Item>
      <Form.Item label={t('unit.honorTier')} name="honorTier">
        <Select options={tierOptions} />
      </Form.Item>
      <Form.Item label={t('unit.contactName')} name="contactName">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('unit.contactPhone')} name="contactPhone">
        <Input
          inputMode="tel"
          maxLength={11}
          placeholder={maskedPhone ? t('unit.phoneKeep', { masked: maskedPhone }) : undefined}
        />
      </Form.Item>
      <Form.Item label={t('unit.address')} name="address">
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}
