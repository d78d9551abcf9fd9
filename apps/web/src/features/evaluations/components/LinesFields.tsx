import { Checkbox, Col, Form, InputNumber, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

type LineName = 'passLine' | 'excellenceLine' | 'complianceLine' | 'redLine' | 'blackLine';

/** 评定线 as percents of full marks: pass, excellence, compliance, red and black lists; rate decimals; 约谈. */
export function LinesFields() {
  const { t } = useTranslation();
  const range: Rule = { type: 'number', min: 0, max: 100, message: t('evaluation.lineRange') };
  const required = (label: string): Rule => ({ required: true, message: t('evaluation.required', { field: label }) });
  // Excellence must not be below pass; the red list (top) must not be below the black list (bottom).
  const orderRule =
    (low: LineName, high: LineName, self: 'low' | 'high'): Rule =>
    ({ getFieldValue }) => ({
      validator: async () => {
        const lo = getFieldValue(['lines', low]) as number | null | undefined;
        const hi = getFieldValue(['lines', high]) as number | null | undefined;
        if (typeof lo === 'number' && typeof hi === 'number' && lo > hi)
          throw new Error(
            t(self === 'high' ? 'evaluation.lineBelow' : 'evaluation.lineAbove', {
              other: t(`evaluation.${self === 'high' ? low : high}`),
            }),
          );
      },
    });

  const line = (name: LineName, rules: Rule[], extra?: string) => (
    <Col span={12} key={name}>
      <Form.Item
        name={['lines', name]}
        label={t(`evaluation.${name}`)}
        rules={[range, ...rules]}
        extra={extra}
        dependencies={
          name === 'passLine' ? [['lines', 'excellenceLine']] : name === 'redLine' ? [['lines', 'blackLine']] : []
        }
      >
        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Typography.Title level={5}>{t('evaluation.thresholds')}</Typography.Title>
      <Row gutter={16}>
        {line('passLine', [required(t('evaluation.passLine')), orderRule('passLine', 'excellenceLine', 'low')])}
        {line('excellenceLine', [
          required(t('evaluation.excellenceLine')),
          orderRule('passLine', 'excellenceLine', 'high'),
        ])}
        {line('complianceLine', [], t('evaluation.complianceHint'))}
        <Col span={12}>
          <Form.Item name={['lines', 'rateDecimals']} label={t('evaluation.rateDecimals')}>
            <InputNumber min={0} max={2} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {line('redLine', [orderRule('blackLine', 'redLine', 'high')], t('evaluation.listLineHint'))}
        {line('blackLine', [orderRule('blackLine', 'redLine', 'low')], t('evaluation.listLineHint'))}
      </Row>
      <Form.Item name={['lines', 'summonsBottomThree']} valuePropName="checked">
        <Checkbox>{t('evaluation.flagBottomThree')}</Checkbox>
      </Form.Item>
    </>
  );
}
