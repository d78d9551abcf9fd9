import { DownloadOutlined } from '@ant-design/icons';
import type { RowError } from '@wenming/contracts';
import { Button, Flex, Form, Input, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, apiUrl } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ImportFailure, ImportFilePicker } from '../../imports/ImportParts';
import { type ImportFields, useImportFramework } from '../queries';

/** The rows of a 400 IMPORT_FAILED, or null for any other error. */
function rowErrorsOf(err: unknown): RowError[] | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const rows = (err.details as { rows?: RowError[] } | undefined)?.rows;
  return Array.isArray(rows) ? rows : null;
}

/**
 * Framework import: the file is read synchronously, so the dialog shows the upload's progress, then "checking",
 * then either opens the new draft or lists every bad row (nothing was imported).
 */
export function FrameworkImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const [form] = Form.useForm<ImportFields>();
  const importing = useImportFramework(setPercent);
  const rows = rowErrorsOf(importing.error);

  const reset = () => {
    setFile(null);
    setPercent(0);
    importing.reset();
  };
  const close = () => {
    reset();
    form.resetFields();
    onClose();
  };
  const begin = async () => {
    if (!file) return;
    setPercent(0);
    const result = await importing.mutateAsync({ file, fields: form.getFieldsValue() });
    close();
    navigate(`/frameworks/${result.id}`, { state: { imported: result } });
  };

  return (
    <Modal open={open} title={t('framework.import')} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('framework.importRule')}</Typography.Text>
        <a href={apiUrl('frameworks/import-template.xlsx')} download>
          <DownloadOutlined /> {t('import.template')}
        </a>
        <Form<ImportFields> form={form} name="framework-import" layout="vertical">
          <Flex gap={16} wrap>
            <Form.Item label={t('framework.importName')} name="name" style={{ flex: '2 1 260px', marginBottom: 0 }}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('framework.importCode')} name="code" style={{ flex: '1 1 160px', marginBottom: 0 }}>
              <Input maxLength={50} />
            </Form.Item>
          </Flex>
        </Form>
        <ImportFilePicker
          file={file}
          onChange={(f) => {
            setFile(f);
            importing.reset();
          }}
        />
        {importing.isPending && (
          <div role="status">
            <Typography.Text>
              {percent < 100 ? t('framework.uploading', { percent }) : t('framework.parsing')}
            </Typography.Text>
            <Progress percent={percent} status="active" aria-label={t('import.progress')} />
          </div>
        )}
        {rows ? (
          <ImportFailure message={(importing.error as Error).message} rows={rows} />
        ) : (
          <ApiErrorAlert error={importing.error} />
        )}
        <Button
          type="primary"
          disabled={!file}
          loading={importing.isPending}
          onClick={() => void begin().catch((err) => applyFieldErrors(form, err))}
        >
          {t('import.start')}
        </Button>
      </Flex>
    </Modal>
  );
}
