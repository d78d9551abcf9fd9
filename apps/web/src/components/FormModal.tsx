import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorsAlert } from './FormErrorsAlert';
import { useFormSubmit } from './use-form-submit';

interface FormModalProps<V> {
  open: boolean;
  title: string;
  /** Form name: input ids become `<name>_<field>`, which labels point at. */
  name: string;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  onClose: () => void;
  /** Sends the form; a rejected ApiError is shown on the form. */
  onSubmit: (values: V) => Promise<unknown>;
  successMessage?: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/** A small form in a modal (rename, merge, assign a role…) with the server's field errors under the inputs. */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { open, title, name, initialValues, okText, danger, onClose, onSubmit, successMessage, children } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { submit, errors, isSaving, clear } = useFormSubmit(form, onSubmit, onClose, successMessage);
  // A fresh Form (and so fresh initial values) each time the modal opens.
  const [openCount, setOpenCount] = useState(0);

  useEffect(() => {
    if (!open) return;
    setOpenCount((n) => n + 1);
    clear();
  }, [open, clear]);

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: isSaving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrorsAlert errors={errors} />
      <Form<V>
        key={openCount}
        form={form}
        name={name}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
