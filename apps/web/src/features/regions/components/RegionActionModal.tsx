import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { RegionSelect } from '../../../components/selects';
import { type RegionDetail, useRegionAction } from '../queries';

export type RegionActionKind = 'create' | 'rename' | 'merge' | 'retire';

interface RegionActionValues {
  code?: string;
  name?: string;
  intoCode?: string;
  reason?: string;
}

const titles: Record<RegionActionKind, string> = {
  create: 'region.addChild',
  rename: 'region.rename',
  merge: 'region.merge',
  retire: 'region.retire',
};

/** One modal for the four region edits; the server keeps each in the region's history. */
export function RegionActionModal(props: {
  kind: RegionActionKind | null;
  region: RegionDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { kind, region, onClose, onDone } = props;
  const { t } = useTranslation();
  const action = useRegionAction();
  const required = [{ required: true, message: t('common.required') }];

  const submit = async (v: RegionActionValues) => {
    if (kind === 'create') await action.mutateAsync({ kind, code: v.code!, name: v.name!, parentCode: region.code });
    if (kind === 'rename') await action.mutateAsync({ kind, code: region.code, name: v.name!, reason: v.reason });
    if (kind === 'merge')
      await action.mutateAsync({ kind, code: region.code, intoCode: v.intoCode!, reason: v.reason });
    if (kind === 'retire') await action.mutateAsync({ kind, code: region.code, reason: v.reason });
    onDone();
  };

  return (
    <FormModal<RegionActionValues>
      open={kind !== null}
      title={kind ? `${t(titles[kind])}：${region.name}` : ''}
      name={`region-${kind ?? 'action'}`}
      danger={kind === 'merge' || kind === 'retire'}
      okText={kind ? t(titles[kind]) : undefined}
      initialValues={kind === 'rename' ? { name: region.name } : {}}
      onClose={onClose}
      onSubmit={submit}
    >
      {kind === 'create' && (
        <>
          <Form.Item label={t('region.parent')}>
            <Input value={`${region.name}（${region.code}）`} disabled />
          </Form.Item>
          <Form.Item label={t('region.code')} name="code" rules={required} extra={t('region.codeHint')}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
          <Form.Item label={t('region.name')} name="name" rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      {kind === 'rename' && (
        <Form.Item label={t('region.newName')} name="name" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      {kind === 'merge' && (
        <>
          <Alert type="warning" showIcon title={t('region.mergeHint')} style={{ marginBottom: 16 }} />
          <Form.Item label={t('region.mergeInto')} name="intoCode" rules={required}>
            <RegionSelect placeholder={t('common.selectRegion')} />
          </Form.Item>
        </>
      )}
      {kind === 'retire' && (
        <Alert type="warning" showIcon title={t('region.retireHint')} style={{ marginBottom: 16 }} />
      )}
      {kind && kind !== 'create' && (
        <Form.Item label={t('common.reason')} name="reason">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
