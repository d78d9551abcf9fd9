import type { TimebankAccountView } from '@wenming/contracts';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { useBranches, useMoveAccount } from '../queries';

/** 转移网点: the account moves with its whole balance to another branch of its community, through a journal. */
export function MoveAccountModal({ account, onClose }: { account: TimebankAccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const branches = useBranches();
  const move = useMoveAccount(account.id);
  const current = branches.data?.find((b) => b.id === account.branch?.id);
  const options = (branches.data ?? [])
    .filter((b) => b.id !== account.branch?.id && (!current || b.regionCode === current.regionCode))
    .map((b) => ({ value: b.id, label: `${t(`tbBranchKind.${b.kind}`)} · ${b.name}` }));
  return (
    <FormModal<{ branchId: string; memo?: string }>
      open
      name="tbMove"
      title={t('tbb.moveTitle', { name: account.holderName })}
      onClose={onClose}
      onSubmit={(v) => move.mutateAsync({ branchId: v.branchId, memo: v.memo || null })}
      successMessage={t('tbb.moved')}
    >
      <Typography.Paragraph type="secondary">
        {t('tbb.moveHint', { balance: account.balance.toFixed(2), branch: account.branch?.name ?? '—' })}
      </Typography.Paragraph>
      <Form.Item name="branchId" label={t('tbb.toBranch')} rules={[{ required: true, message: t('tbb.toRequired') }]}>
        <Select options={options} loading={branches.isLoading} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="memo" label={t('tb.memo')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
