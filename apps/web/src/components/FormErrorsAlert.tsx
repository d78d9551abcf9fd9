import { Alert } from 'antd';

/** The first problem as the title, the rest (fields the form does not show) below it. */
export function FormErrorsAlert({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errors[0]}
      description={errors.length > 1 ? errors.slice(1).join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
