import { UploadOutlined } from '@ant-design/icons';
import {
  type ProblemAction,
  type ProblemView,
  problemActionPhotoKinds,
  problemActionsNeedingReason,
  problemActionsNeedingUnit,
  problemSeverities,
} from '@wenming/contracts';
import { Button, Form, Input, Select, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { FormModal } from '../../../components/FormModal';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { UnitSelect } from '../../../components/selects';
import { uploadPhoto, useTransition } from '../queries';

interface ActionValues {
  reason?: string;
  unitId?: string;
  duplicateOf?: string;
  severity?: string;
  photos?: { originFileObj?: File }[];
}

/**
 * One transition of a problem: asks for what the contract says the action needs (a reason, a unit, the
 * original of a duplicate, an after-photo), uploads the photos first and then posts the transition.
 */
export function ProblemActionModal({
  problem,
  action,
  onClose,
}: {
  problem: ProblemView;
  action: ProblemAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transition = useTransition(problem.id);
  const severityOptions = useEnumOptions('problemSeverity', problemSeverities);
  const needsReason = !!action && problemActionsNeedingReason.includes(action);
  const needsUnit = !!action && problemActionsNeedingUnit.includes(action);
  const photoKind = action ? problemActionPhotoKinds[action] : undefined;

  const submit = async (v: ActionValues) => {
    if (!action) return;
    const files = (v.photos ?? []).map((p) => p.originFileObj).filter((f): f is File => !!f);
    const photoFileIds = [];
    for (const f of files) photoFileIds.push(await uploadPhoto(f));
    await transition.mutateAsync({
      action,
      reason: v.reason?.trim() || null,
      unitId: v.unitId ?? null,
      duplicateOf: v.duplicateOf ?? null,
      severity: v.severity as ProblemView['severity'] | undefined,
      photoFileIds,
    });
  };

  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={action ? `${t(`problemAction.${action}`)} · ${problem.number}` : ''}
      name="problem-action"
      onClose={onClose}
      onSubmit={submit}
      okText={action ? t(`problemAction.${action}`) : undefined}
      danger={action === 'return' || action === 'dispute'}
      successMessage={t('problem.done')}
    >
      {needsUnit && (
        <Form.Item name="unitId" label={t('problem.targetUnit')} rules={[{ required: true }]}>
          <UnitSelect aria-label={t('problem.targetUnit')} />
        </Form.Item>
      )}
      {action === 'assign' && (
        <Form.Item name="severity" label={t('problem.severity')}>
          <Select options={severityOptions} allowClear />
        </Form.Item>
      )}
      {action === 'mark_duplicate' && (
        <Form.Item name="duplicateOf" label={t('problem.duplicateOf')} rules={[{ required: true }]}>
          <RemoteSelect<ProblemView>
            aria-label={t('problem.duplicateOf')}
            source={{
              queryKey: 'problems',
              path: 'problems',
              toOption: (p) => ({ value: p.id, label: `${p.number} ${p.description.slice(0, 30)}` }),
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={needsReason ? t('problem.reason') : t('problem.note')}
        rules={needsReason ? [{ required: true, whitespace: true, message: t('problem.reasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      {photoKind && (
        <Form.Item
          name="photos"
          label={photoKind === 'after' ? t('problem.afterPhoto') : t('problem.photo')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: unknown[] }) => e?.fileList}
          rules={photoKind === 'after' ? [{ required: true, message: t('problem.afterPhotoRequired') }] : []}
        >
          <Upload accept="image/*" listType="picture" beforeUpload={() => false} multiple>
            <Button icon={<UploadOutlined />}>{t('problem.pickPhoto')}</Button>
          </Upload>
        </Form.Item>
      )}
    </FormModal>
  );
}
