import type { TaskDetailView } from '@wenming/contracts';
import { App, Button, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useTaskTransition } from '../queries';

/**
 * The buttons of the actions the server allows this user now (`allowedActions` of the task detail): start,
 * accept, return with a reason. `report` is not a button here: it is the ledger form below.
 */
export function TaskActionBar({ task }: { task: TaskDetailView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTaskTransition(task.id);
  const [returning, setReturning] = useState(false);
  const buttons = task.allowedActions.filter((a) => a !== 'report' && a !== 'mark_overdue');
  const done = () => message.success(t('task.done'));

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('task.actionsHint')}：</Typography.Text>
        {buttons.length === 0 && !task.allowedActions.includes('report') && (
          <Typography.Text type="secondary">{t('task.noActions')}</Typography.Text>
        )}
        {buttons.includes('start') && (
          <Button
            loading={transition.isPending}
            onClick={() => transition.mutate({ action: 'start' }, { onSuccess: done })}
          >
            {t('taskAction.start')}
          </Button>
        )}
        {buttons.includes('accept') && (
          <Popconfirm
            title={t('taskAction.accept')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => transition.mutate({ action: 'accept' }, { onSuccess: done })}
          >
            <Button type="primary" loading={transition.isPending}>
              {t('taskAction.accept')}
            </Button>
          </Popconfirm>
        )}
        {buttons.includes('return') && (
          <Button danger onClick={() => setReturning(true)}>
            {t('taskAction.return')}
          </Button>
        )}
      </Flex>
      <ApiErrorAlert error={transition.error} />
      <FormModal<{ reason: string }>
        open={returning}
        name="task-return"
        title={t('task.returnTitle')}
        okText={t('taskAction.return')}
        danger
        successMessage={t('task.done')}
        onClose={() => setReturning(false)}
        onSubmit={(v) => transition.mutateAsync({ action: 'return', reason: v.reason })}
      >
        <Form.Item
          label={t('task.returnReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
