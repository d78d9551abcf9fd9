import type { FrameworkView } from '@wenming/contracts';
import { Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { frameworksResource, useUpdateFrameworkMeta } from '../queries';

interface MetaValues {
  name: string;
  code?: string;
  totalPoints?: number | null;
  complianceLine?: number | null;
  description?: string | null;
}

function toValues(f: FrameworkView): MetaValues {
  return {
    name: f.name,
    code: f.code,
    totalPoints: f.totalPoints,
    complianceLine: f.complianceLine,
    description: f.description,
  };
}

/** New blank draft (then opened), or the meta of a draft: name, total points, compliance line, description. */
export function FrameworkMetaDrawer(props: { open: boolean; framework?: FrameworkView; onClose: () => void }) {
  const { open, framework, onClose } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = frameworksResource.useCreate<Record<string, unknown>>();
  const update = useUpdateFrameworkMeta();
  const required = [{ required: true, message: t('common.required') }];
  // After a stale-version reload the form holds the fresh values; the save must then send their rowVersion.
  const [freshRowVersion, setFreshRowVersion] = useState<number | null>(null);
  const reload = async () => {
    const fresh = await frameworksResource.fetchOne(framework!.id);
    setFreshRowVersion(fresh.rowVersion);
    return toValues(fresh);
  };

  const submit = async (v: MetaValues) => {
    const body = {
      name: v.name,
      totalPoints: v.totalPoints ?? null,
      complianceLine: v.complianceLine ?? null,
      description: v.description?.trim() || null,
    };
    if (framework)
      return update.mutateAsync({
        id: framework.id,
        body: { ...body, rowVersion: freshRowVersion ?? framework.rowVersion },
      });
    const created = await create.mutateAsync({ ...body, code: v.code?.trim() });
    navigate(`/frameworks/${created.id}`);
  };

  return (
    <EntityFormDrawer<MetaValues>
      open={open}
      name="framework"
      title={framework ? t('framework.editMeta') : t('framework.create')}
      initialValues={framework ? toValues(framework) : {}}
      onClose={() => {
        setFreshRowVersion(null);
        onClose();
      }}
      onSubmit={submit}
      onReload={framework ? reload : undefined}
    >
      <Form.Item label={t('framework.name')} name="name" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('framework.code')}
        name="code"
        rules={framework ? [] : required}
        extra={t('framework.codeHint')}
      >
        <Input maxLength={50} disabled={!!framework} />
      </Form.Item>
      <Form.Item label={t('framework.totalPoints')} name="totalPoints">
        <InputNumber min={0} step={1} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('framework.complianceLine')} name="complianceLine" extra={t('framework.complianceHint')}>
        <InputNumber min={0} max={1} step={0.05} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('framework.description')} name="description">
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </EntityFormDrawer>
  );
}
