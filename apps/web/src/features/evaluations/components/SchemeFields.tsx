import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { evaluationComponentKinds, notSampledRules } from '@wenming/contracts';
import { Button, Checkbox, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { isWeightSumValid, sumWeights } from '../scheme';

type Row = { kind?: string; weight?: number } | undefined;

/** 计分构成: weighted components whose weights add up to 100%, plus the not-sampled rule and full marks. */
export function SchemeFields() {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('evaluationComponentKind', evaluationComponentKinds);
  const components = Form.useWatch(['scheme', 'components']) as Row[] | undefined;
  const sum = sumWeights((components ?? []).map((c) => c?.weight));

  return (
    <>
      <Typography.Title level={5}>{t('evaluation.scheme')}</Typography.Title>
      <Form.List
        name={['scheme', 'components']}
        rules={[
          {
            validator: async (_, rows: Row[] | undefined) => {
              const list = rows ?? [];
              const kinds = list.map((r) => r?.kind).filter(Boolean);
              if (new Set(kinds).size !== kinds.length) throw new Error(t('evaluation.componentDuplicate'));
              if (!isWeightSumValid(list.map((r) => r?.weight))) throw new Error(t('evaluation.weightSumError'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('evaluation.components')} required>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[
                    { required: true, message: t('evaluation.required', { field: t('evaluation.componentKind') }) },
                  ]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Select aria-label={t('evaluation.componentKind')} options={kindOptions} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  rules={[{ required: true, message: t('evaluation.required', { field: t('evaluation.weight') }) }]}
                  style={{ width: 150, marginBottom: 8 }}
                >
                  <InputNumber aria-label={t('evaluation.weight')} min={0} max={100} precision={2} suffix="%" />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={t('common.delete')}
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center">
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= evaluationComponentKinds.length}
                onClick={() => add({ weight: 0 })}
              >
                {t('evaluation.addComponent')}
              </Button>
              <Typography.Text
                type={isWeightSumValid((components ?? []).map((c) => c?.weight)) ? 'secondary' : 'danger'}
              >
                {t('evaluation.weightSum', { sum })}
              </Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name={['scheme', 'notSampled']} label={t('evaluation.notSampled')}>
        <Radio.Group options={notSampledRules.map((r) => ({ value: r, label: t(`evaluation.notSampled.${r}`) }))} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name={['scheme', 'fullScore']} label={t('evaluation.fullScore')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name={['scheme', 'applyNegativeList']} valuePropName="checked" label=" ">
          <Checkbox>{t('evaluation.applyNegativeList')}</Checkbox>
        </Form.Item>
      </Flex>
    </>
  );
}
