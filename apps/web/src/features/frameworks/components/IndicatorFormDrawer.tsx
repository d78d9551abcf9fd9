import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type AssessmentMethod,
  type IndicatorNode,
  type PointType,
  type ScoringRule,
  assessmentMethods,
  pointTypes,
  scoringRuleKinds,
} from '@wenming/contracts';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { useIndicatorEdit } from '../queries';

interface IndicatorValues {
  code?: string;
  name: string;
  standard?: string | null;
  points?: number | null;
  weight?: number | null;
  methods: AssessmentMethod[];
  pointTypes: PointType[];
  scoringRule: {
    kind: ScoringRule['kind'];
    perFinding?: number;
    floor?: number;
    levels?: { label: string; ratio: number }[];
    note?: string;
  };
  isSumExempt: boolean;
}

export type IndicatorEditing = { mode: 'create'; parent: IndicatorNode | null } | { mode: 'edit'; node: IndicatorNode };

/** Only the fields of the chosen rule kind (others the form still holds are left out). */
function toRule(r: IndicatorValues['scoringRule']): ScoringRule {
  if (r.kind === 'deduct') return { kind: 'deduct', perFinding: r.perFinding ?? 0, floor: r.floor ?? 0 };
  if (r.kind === 'graded') return { kind: 'graded', levels: r.levels ?? [] };
  if (r.kind === 'manual') return { kind: 'manual', note: r.note?.trim() || undefined };
  return { kind: r.kind };
}

function toBody(v: IndicatorValues) {
  return {
    code: v.code?.trim() || undefined,
    name: v.name,
    standard: v.standard?.trim() || null,
    points: v.points ?? null,
    weight: v.weight ?? null,
    methods: v.methods ?? [],
    pointTypes: v.pointTypes ?? [],
    scoringRule: toRule(v.scoringRule),
    isSumExempt: !!v.isSumExempt,
  };
}

function toValues(n: IndicatorNode): IndicatorValues {
  return { ...n, scoringRule: { ...n.scoringRule } as IndicatorValues['scoringRule'] };
}

const blank: Partial<IndicatorValues> = {
  methods: [],
  pointTypes: [],
  scoringRule: { kind: 'check' },
  isSumExempt: false,
};

/** Add or edit an indicator of a draft; field names follow the API body so server errors land under their inputs. */
export function IndicatorFormDrawer(props: {
  frameworkId: string;
  editing: IndicatorEditing | null;
  onClose: () => void;
}) {
  const { frameworkId, editing, onClose } = props;
  const { t } = useTranslation();
  const edit = useIndicatorEdit(frameworkId);
  const methodOptions = useEnumOptions('method', assessmentMethods);
  const pointTypeOptions = useEnumOptions('pointType', pointTypes);
  const ruleOptions = useEnumOptions('scoringRule', scoringRuleKinds);
  const required = [{ required: true, message: t('common.required') }];
  const parent = editing?.mode === 'create' ? editing.parent : null;

  const submit = (v: IndicatorValues) => {
    const body = toBody(v);
    if (editing?.mode === 'edit') return edit.mutateAsync({ kind: 'update', nodeId: editing.node.id, body });
    return edit.mutateAsync({ kind: 'create', body: { ...body, parentId: parent?.id ?? null } });
  };

  return (
    <EntityFormDrawer<IndicatorValues>
      open={editing !== null}
      name="indicator"
      width={640}
      title={editing?.mode === 'edit' ? t('indicator.edit') : t('indicator.create')}
      initialValues={editing?.mode === 'edit' ? toValues(editing.node) : blank}
      onClose={onClose}
      onSubmit={submit}
    >
      {editing?.mode === 'create' && (
        <Form.Item label={t('indicator.parent')}>
          <Input value={parent ? `${parent.code} ${parent.name}` : '—'} disabled />
        </Form.Item>
      )}
      <Flex gap={16}>
        <Form.Item label={t('indicator.code')} name="code" extra={t('indicator.codeHint')} style={{ flex: 1 }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('indicator.points')} name="points" style={{ flex: 1 }}>
          <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('indicator.weight')} name="weight" style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('indicator.name')} name="name" rules={required}>
        <Input.TextArea autoSize maxLength={500} />
      </Form.Item>
      <Form.Item label={t('indicator.standard')} name="standard">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('indicator.methods')} name="methods">
        <Checkbox.Group options={methodOptions} />
      </Form.Item>
      <Form.Item label={t('indicator.pointTypes')} name="pointTypes">
        <Select mode="multiple" allowClear options={pointTypeOptions} />
      </Form.Item>
      <Form.Item label={t('indicator.rule')} name={['scoringRule', 'kind']} rules={required}>
        <Select options={ruleOptions} />
      </Form.Item>
      <RuleFields />
      <Form.Item label={t('indicator.sumExempt')} name="isSumExempt" valuePropName="checked">
        <Switch />
      </Form.Item>
    </EntityFormDrawer>
  );
}

/** The parameters of the chosen rule kind. */
function RuleFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['scoringRule', 'kind'], form) as ScoringRule['kind'] | undefined;
  const required = [{ required: true, message: t('common.required') }];
  if (kind === 'deduct')
    return (
      <Flex gap={16}>
        <Form.Item label={t('indicator.perFinding')} name={['scoringRule', 'perFinding']} rules={required}>
          <InputNumber min={0.01} step={0.5} />
        </Form.Item>
        <Form.Item label={t('indicator.floor')} name={['scoringRule', 'floor']}>
          <InputNumber min={0} step={0.5} />
        </Form.Item>
      </Flex>
    );
  if (kind === 'manual')
    return (
      <Form.Item label={t('indicator.manualNote')} name={['scoringRule', 'note']}>
        <Input maxLength={500} />
      </Form.Item>
    );
  if (kind !== 'graded') return null;
  return (
    <Form.Item label={t('indicator.levels')}>
      <Form.List name={['scoringRule', 'levels']} initialValue={[{}, {}]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'label']} rules={required} style={{ marginBottom: 0 }}>
                  <Input placeholder={t('indicator.levelLabel')} maxLength={20} />
                </Form.Item>
                <Form.Item name={[f.name, 'ratio']} rules={required} style={{ marginBottom: 0 }}>
                  <InputNumber placeholder={t('indicator.levelRatio')} min={0} max={1} step={0.1} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('indicator.addLevel')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
