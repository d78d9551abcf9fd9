// 发布计划: asks first, then sends the draft to its teams; the server's reason shows when it is not ready.
import type { InspectionPlanView } from '@wenming/contracts';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePublishPlan } from '../setup-queries';

export function PublishPlanButton({ plan }: { plan: InspectionPlanView }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const publish = usePublishPlan(plan.id);
  const confirm = () =>
    modal.confirm({
      title: t('planSetup.publish'),
      content: t('planSetup.publishConfirm'),
      okText: t('planSetup.publish'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await publish.mutateAsync();
          message.success(t('planSetup.published'));
        } catch (err) {
          message.error(err instanceof Error ? err.message : t('common.error'));
        }
      },
    });
  return (
    <Button type="primary" onClick={confirm} loading={publish.isPending}>
      {t('planSetup.publish')}
    </Button>
  );
}
