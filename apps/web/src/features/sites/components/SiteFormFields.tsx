import { fiveHasKeys, siteKinds } from '@wenming/contracts';
import { Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect } from '../../../components/selects';

/** The inputs of a practice site (names match `siteBody`; 五有 as five checkboxes). */
export function SiteFormFields({ regionName }: { regionName?: string | null }) {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('siteKind', siteKinds);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item label={t('site.name')} name="name" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('site.kind')} name="kind" rules={required}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item label={t('site.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={regionName} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Form.Item label={t('site.address')} name="address">
        <Input maxLength={300} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('site.fiveHas')}</legend>
        <Flex vertical gap={0}>
          {fiveHasKeys.map((key) => (
            <Form.Item key={key} name={['fiveHas', key]} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{t(`fiveHas.${key}`)}</Checkbox>
            </Form.Item>
          ))}
        </Flex>
      </fieldset>
      <Flex gap={16}>
        <Form.Item label={t('site.lat')} name="lat" style={{ flex: 1 }}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('site.lng')} name="lng" style={{ flex: 1 }}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </>
  );
}
