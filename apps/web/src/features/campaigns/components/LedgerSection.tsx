import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { LedgerEntryView } from '@wenming/contracts';
import { App, Button, Empty, Flex, Form, Input, List, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { formatDateTime } from '../../../app/format';
import { FormErrorsAlert } from '../../../components/FormErrorsAlert';
import { uuidv7 } from '../../../mobile/uuid';
import { type StoredFileView, uploadFile, useAddLedgerEntry } from '../queries';

/** 工作台账: the entries reported so far, oldest first, with their evidence files. */
export function LedgerList({ entries }: { entries: LedgerEntryView[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noLedger')} />;
  return (
    <List<LedgerEntryView>
      size="small"
      dataSource={entries}
      renderItem={(e) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.unit?.name ?? ''} · {e.createdBy} · {formatDateTime(e.createdAt)}
              </Typography.Text>
            }
            description={
              <Flex vertical gap={4}>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap', color: 'inherit' }}>
                  {e.text}
                </Typography.Paragraph>
                {e.files.map((f) => (
                  <a key={f.id} href={apiUrl(`files/${f.id}`)} download>
                    <PaperClipOutlined /> {f.name}
                  </a>
                ))}
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  );
}

interface ReportValues {
  text: string;
}

/** 报送进展: text plus evidence files uploaded first (POST /files), then the entry with their ids. */
export function LedgerReportForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const add = useAddLedgerEntry(taskId);
  const [files, setFiles] = useState<UploadFile<StoredFileView>[]>([]);
  // One id per report being written: pressing 提交 twice stores one entry.
  const [entryId, setEntryId] = useState(uuidv7);
  const [errors, setErrors] = useState<string[]>([]);
  const isUploading = files.some((f) => f.status === 'uploading');

  const submit = async (v: ReportValues) => {
    setErrors([]);
    try {
      const fileIds = files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
      await add.mutateAsync({ id: entryId, text: v.text, fileIds });
      message.success(t('task.reported'));
      form.resetFields();
      setFiles([]);
      setEntryId(uuidv7());
    } catch (err) {
      const rest = applyFieldErrors(form, err);
      setErrors(rest === null ? [(err as Error).message] : [(err as Error).message, ...rest]);
    }
  };

  return (
    <Form<ReportValues> form={form} name="ledger" layout="vertical" onFinish={submit}>
      <FormErrorsAlert errors={errors} />
      <Form.Item label={t('task.reportText')} name="text" rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      <Form.Item label={t('task.evidence')}>
        <Upload<StoredFileView>
          multiple
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={({ file, onSuccess, onError }) => {
            const f = file as File;
            uploadFile(f, f.name).then(
              (stored) => onSuccess?.(stored),
              (err) => onError?.(err as Error),
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('task.upload')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} disabled={isUploading}>
        {t('task.report')}
      </Button>
    </Form>
  );
}
