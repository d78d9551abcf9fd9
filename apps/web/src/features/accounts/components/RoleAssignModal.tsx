import { type RoleCode, roleCodes, type ScopeKind, scopeKinds } from '@wenming/contracts';
import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect, SiteSelect, UnitSelect } from '../../../components/selects';
import { type AccountView, type RoleAssignmentBody, useAssignRole, useRoles } from '../queries';

/** The scope picker that fits the scope kind: a region, a unit, a site or a team; none for all / own. */
function ScopeRefInput({
  kind,
  ...props
}: {
  kind: ScopeKind | undefined;
  id?: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const { t } = useTranslation();
  if (kind === 'region') return <RegionSelect {...props} placeholder={t('common.selectRegion')} />;
  if (kind === 'unit') return <UnitSelect {...props} placeholder={t('common.selectUnit')} />;
  if (kind === 'site') return <SiteSelect {...props} />;
  return (
    <Input
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
      placeholder={t('account.teamId')}
    />
  );
}

function RoleScopeFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('scopeKind', form) as ScopeKind | undefined;
  const roles = useRoles();
  const fallback = useEnumOptions('role', roleCodes);
  const roleOptions =
    roles.data?.map((r) => ({ value: r.code, label: t(`role.${r.code}`, { defaultValue: r.name }) })) ?? fallback;
  const kindOptions = useEnumOptions('scopeKind', scopeKinds);
  const required = [{ required: true, message: t('common.required') }];
  const needsRef = kind !== undefined && kind !== 'all' && kind !== 'own';
  return (
    <>
      <Alert type="info" showIcon title={t('account.separationHint')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('account.role')} name="role" rules={required}>
        <Select<RoleCode> options={roleOptions} loading={roles.isLoading} />
      </Form.Item>
      <Form.Item label={t('account.scopeKind')} name="scopeKind" rules={required}>
        <Select<ScopeKind> options={kindOptions} onChange={() => form.setFieldValue('scopeRef', undefined)} />
      </Form.Item>
      {needsRef && (
        <Form.Item label={t('account.scopeRef')} name="scopeRef" rules={required}>
          <ScopeRefInput kind={kind} />
        </Form.Item>
      )}
    </>
  );
}

export function RoleAssignModal({ account, onClose }: { account: AccountView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const assign = useAssignRole();
  const submit = (v: RoleAssignmentBody) =>
    assign.mutateAsync({
      accountId: account!.id,
      body: {
        role: v.role,
        scopeKind: v.scopeKind,
        scopeRef: v.scopeKind === 'all' || v.scopeKind === 'own' ? null : v.scopeRef,
      },
    });
  return (
    <FormModal<RoleAssignmentBody>
      open={account !== null}
      name="role-assignment"
      title={t('account.assignRoleTo', { name: account?.displayName ?? '' })}
      okText={t('account.assignRole')}
      initialValues={{ scopeKind: 'region' }}
      onClose={onClose}
      onSubmit={submit}
    >
      <RoleScopeFields />
    </FormModal>
  );
}
