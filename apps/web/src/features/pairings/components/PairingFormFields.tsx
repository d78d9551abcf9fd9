import { pairingKinds, pairingTargets } from '@wenming/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { GridSelect, RegionSelect, UnitSelect } from '../../../components/selects';

/** The inputs of a pairing; the target picker follows the target type (region, grid or point). */
export function PairingFormFields() {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('pairingKind', pairingKinds);
  const targetOptions = useEnumOptions('pairingTarget', pairingTargets);
  const required = [{ required: true, message: t('common.required') }];
  const form = Form.useFormInstance();
  const targetKind = Form.useWatch('targetKind', form);
  return (
    <>
      <Form.Item label={t('pairing.unit')} name="unitId" rules={required}>
        <UnitSelect placeholder={t('common.selectUnit')} />
      </Form.Item>
      <Form.Item label={t('pairing.kind')} name="kind" rules={required}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item label={t('pairing.targetKind')} name="targetKind" rules={required}>
        <Select options={targetOptions} onChange={() => form.setFieldValue('targetRef', undefined)} />
      </Form.Item>
      <Form.Item label={t('pairing.target')} name="targetRef" rules={required}>
        {targetKind === 'grid' ? (
          <GridSelect placeholder={t('common.selectGrid')} />
        ) : targetKind === 'point' ? (
          <Input placeholder={t('pairing.pointId')} maxLength={64} />
        ) : (
          <RegionSelect placeholder={t('common.selectRegion')} />
        )}
      </Form.Item>
      <Form.Item label={t('pairing.note')} name="note">
        <Input.TextArea rows={3} maxLength={300} />
      </Form.Item>
    </>
  );
}
