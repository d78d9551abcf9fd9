import { Alert, Button, Drawer, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorsAlert } from './FormErrorsAlert';
import { useFormSubmit } from './use-form-submit';

interface EntityFormDrawerProps<V> {
  open: boolean;
  title: string;
  /** Form name: input ids become `<name>_<field>`, which labels point at. */
  name: string;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Sends the form; a rejected ApiError is shown on the form (field errors under their inputs). */
  onSubmit: (values: V) => Promise<unknown>;
  /** Fetches the record again after a 409 STALE_VERSION; its values replace the form's. */
  onReload?: () => Promise<Partial<V>>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
}

/** Create/edit drawer: server field errors under the inputs, stale-version reload, other errors on top. */
export function EntityFormDrawer<V extends object>(props: EntityFormDrawerProps<V>) {
  const { open, title, name, initialValues, onClose, onSubmit, onReload, children, width = 560 } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { submit, errors, isStale, isSaving, clear, setStale } = useFormSubmit(form, onSubmit, onClose);
  // A fresh Form (and so fresh initial values) each time the drawer opens.
  const [openCount, setOpenCount] = useState(0);

  useEffect(() => {
    if (!open) return;
    setOpenCount((n) => n + 1);
    clear();
  }, [open, clear]);

  const reload = async () => {
    if (!onReload) return;
    form.setFieldsValue((await onReload()) as never);
    setStale(false);
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={width}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {isStale && (
        <Alert
          type="warning"
          showIcon
          title={t('common.staleVersion')}
          action={
            onReload ? (
              <Button size="small" onClick={() => void reload()}>
                {t('common.reload')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
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
    </Drawer>
  );
}
