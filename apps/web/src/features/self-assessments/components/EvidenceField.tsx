import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadEvidence, useFileName } from '../queries';

function EvidenceLink({ id, onRemove }: { id: string; onRemove?: () => void }) {
  const { t } = useTranslation();
  const name = useFileName(id);
  return (
    <Flex gap={4} align="center">
      <PaperClipOutlined />
      <Typography.Link href={`/api/v1/files/${id}`} ellipsis style={{ maxWidth: 180 }}>
        {name.data?.name ?? t('sa.evidence')}
      </Typography.Link>
      {onRemove && (
        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onRemove} />
      )}
    </Flex>
  );
}

/** The evidence files of one indicator: links, and (when editable) an upload button; the value is the file ids. */
export function EvidenceField({
  value = [],
  onChange,
  editable,
  label,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  editable?: boolean;
  /** Accessible name of the upload button (the indicator it belongs to). */
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!editable && value.length === 0) return <Typography.Text type="secondary">{t('sa.noEvidence')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {value.map((id) => (
        <EvidenceLink
          key={id}
          id={id}
          onRemove={editable ? () => onChange?.(value.filter((v) => v !== id)) : undefined}
        />
      ))}
      {editable && (
        <Upload
          showUploadList={false}
          customRequest={async ({ file }) => {
            setBusy(true);
            try {
              const id = await uploadEvidence(file as File);
              onChange?.([...value, id]);
            } catch (err) {
              message.error(err instanceof Error ? err.message : t('common.error'));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={label}>
            {busy ? t('sa.uploading') : t('sa.upload')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
