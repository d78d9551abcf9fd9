import { checkPasswordPolicy } from '@wenming/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../../../components/selects';

/** The inputs of a new account (names match `accountBody`). */
export function AccountFormFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item label={t('account.username')} name="username" rules={required}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('account.displayName')} name="displayName" rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('account.person')} name="personId">
        <PersonSelect allowClear />
      </Form.Item>
      <Form.Item
        label={t('account.initialPassword')}
        name="initialPassword"
        extra={t('account.initialPasswordHint')}
        rules={[
          ...required,
          {
            validator: (_, v) =>
              !v || !checkPasswordPolicy(v) ? Promise.resolve() : Promise.reject(new Error(t('password.policy'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
