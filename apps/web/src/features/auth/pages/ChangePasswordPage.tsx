import { checkPasswordPolicy } from '@wenming/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { logout, useChangePassword, useCurrentUser } from '../queries';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change password; the only page reachable while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordValues>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  const onFinish = async ({ currentPassword, newPassword }: PasswordValues) => {
    setOtherErrors([]);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      message.success(t('password.changed'));
      navigate('/', { replace: true });
    } catch (err) {
      const rest = applyFieldErrors(form, err);
      if (rest === null) setOtherErrors([isApiError(err) ? err.message : String(err)]);
      else if (rest.length) setOtherErrors(rest);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 12, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={3}>{t('password.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {user.displayName}（{user.username}）
        </Typography.Paragraph>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />
        )}
        {otherErrors.length > 0 && (
          <Alert type="error" showIcon title={otherErrors.join('；')} style={{ marginBottom: 16 }} />
        )}
        <Form<PasswordValues> form={form} name="change-password" layout="vertical" onFinish={onFinish}>
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.policy')}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: (_, v) =>
                  !v || !checkPasswordPolicy(v) ? Promise.resolve() : Promise.reject(new Error(t('password.policy'))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
            {user.mustChangePassword ? (
              <Button onClick={() => void logout(queryClient)}>{t('layout.logout')}</Button>
            ) : (
              <Button onClick={() => navigate('/')}>{t('common.cancel')}</Button>
            )}
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}
