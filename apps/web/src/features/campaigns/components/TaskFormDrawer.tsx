import { type CampaignView, type IndicatorNode, type TaskCadence, taskCadences } from '@wenming/contracts';
import { DatePicker, Form, Input, Radio, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { PersonSelect, UnitMultiSelect, UnitSelect } from '../../../components/selects';
import { indexTree } from '../../frameworks/components/indicator-text';
import { useIndicatorTree } from '../../frameworks/queries';
import { useCreateTask } from '../queries';

interface TaskValues {
  source: 'free' | 'indicator';
  indicatorId?: string;
  title: string;
  description?: string;
  actionId?: string;
  leadUnitId: string;
  coUnitIds?: string[];
  ownerPersonId?: string;
  deadline: Dayjs;
  cadence: TaskCadence;
}

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function toTreeOptions(nodes: IndicatorNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: `${n.code} ${n.name}${n.points !== null ? `（${n.points}分）` : ''}`,
    children: n.children.length ? toTreeOptions(n.children) : undefined,
  }));
}

/** Assign one task: written freely, or decomposed from an indicator picked in the campaign framework's tree. */
export function TaskFormDrawer(props: { campaign: CampaignView; open: boolean; onClose: () => void }) {
  const { campaign, open, onClose } = props;
  const { t } = useTranslation();
  const create = useCreateTask(campaign.id);
  const tree = useIndicatorTree(campaign.frameworkId ?? undefined);
  const cadenceOptions = useEnumOptions('taskCadence', taskCadences);
  const required = [{ required: true, message: t('common.required') }];
  const byId = indexTree(tree.data ?? []);

  const submit = (v: TaskValues) =>
    create.mutateAsync({
      title: v.title,
      description: v.description?.trim() || null,
      actionId: v.actionId ?? null,
      indicatorId: v.source === 'indicator' ? (v.indicatorId ?? null) : null,
      leadUnitId: v.leadUnitId,
      coUnitIds: v.coUnitIds ?? [],
      ownerPersonId: v.ownerPersonId ?? null,
      deadline: v.deadline?.format('YYYY-MM-DD'),
      cadence: v.cadence,
    });

  return (
    <EntityFormDrawer<TaskValues>
      open={open}
      name="task"
      title={t('task.create')}
      initialValues={{ source: campaign.frameworkId ? 'indicator' : 'free', cadence: 'once' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => (
        <>
          <Form.Item label={t('task.source')} name="source">
            <Radio.Group
              options={[
                { value: 'free', label: t('task.sourceFree') },
                { value: 'indicator', label: t('task.sourceIndicator'), disabled: !campaign.frameworkId },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['source']}>
            {() =>
              form.getFieldValue('source') === 'indicator' && (
                <Form.Item label={t('task.indicator')} name="indicatorId" rules={required}>
                  <TreeSelect
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    placeholder={t('task.pickIndicator')}
                    loading={tree.isFetching}
                    treeData={toTreeOptions(tree.data ?? [])}
                    treeDefaultExpandAll
                    listHeight={360}
                    onChange={(id: string) => {
                      const node = byId.get(id);
                      if (node && !form.getFieldValue('title')) form.setFieldValue('title', node.name);
                    }}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item label={t('task.title')} name="title" rules={required}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label={t('task.description')} name="description">
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item label={t('task.action')} name="actionId">
            <Select allowClear options={campaign.actions.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item label={t('task.leadUnit')} name="leadUnitId" rules={required}>
            <UnitSelect placeholder={t('common.selectUnit')} />
          </Form.Item>
          <Form.Item label={t('task.coUnits')} name="coUnitIds">
            <UnitMultiSelect allowClear placeholder={t('common.selectUnit')} />
          </Form.Item>
          <Form.Item label={t('task.owner')} name="ownerPersonId">
            <PersonSelect allowClear />
          </Form.Item>
          <Form.Item label={t('task.deadline')} name="deadline" rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('task.cadence')} name="cadence">
            <Select options={cadenceOptions} />
          </Form.Item>
        </>
      )}
    </EntityFormDrawer>
  );
}
