import { Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionSelect } from '../../../components/selects';

function validateJson(text: string | undefined): Promise<void> {
  if (!text?.trim()) return Promise.resolve();
  try {
    JSON.parse(text);
    return Promise.resolve();
  } catch {
    return Promise.reject(new Error('json'));
  }
}

/** The inputs of a grid (names match `gridBody`; the boundary is edited as GeoJSON text). */
export function GridFormFields({ regionName }: { regionName?: string | null }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item label={t('grid.code')} name="code" rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('grid.name')} name="name" rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('grid.region')} name="regionCode" rules={required}>
        <RegionSelect valueLabel={regionName} placeholder={t('common.selectRegion')} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label={t('grid.centerLat')} name="centerLat" style={{ flex: 1 }}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('grid.centerLng')} name="centerLng" style={{ flex: 1 }}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item
        label={t('grid.boundary')}
        name="boundaryText"
        rules={[
          { validator: (_, v) => validateJson(v).catch(() => Promise.reject(new Error(t('grid.boundaryInvalid')))) },
        ]}
      >
        <Input.TextArea rows={4} placeholder='{"type":"Polygon","coordinates":[…]}' />
      </Form.Item>
    </>
  );
}
