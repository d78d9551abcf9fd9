// Pieces every Excel import dialog shares: the file picker and the report of a refused file.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RowError } from '@wenming/contracts';
import { Alert, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';

/** Drag-or-click picker for one .xlsx file; the file is kept, not uploaded, until the dialog sends it. */
export function ImportFilePicker({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      maxCount={1}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{t('import.pickFile')}</p>
      <p className="ant-upload-hint">{t('import.dropHint')}</p>
    </Upload.Dragger>
  );
}

/** Why a file was refused: the message, an optional downloadable report, and every bad row. */
export function ImportFailure(props: {
  message: string;
  rows: RowError[];
  reportFileId?: string | null;
  fieldName?: (f?: string) => string;
}) {
  const { t } = useTranslation();
  const hasFields = props.rows.some((r) => r.field);
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={props.message}
        action={
          props.reportFileId ? (
            <a href={apiUrl(`files/${props.reportFileId}`)} download>
              <DownloadOutlined /> {t('import.errorReport')}
            </a>
          ) : undefined
        }
      />
      {props.rows.length > 0 && (
        <Table<RowError>
          size="small"
          title={() => t('import.rowErrors')}
          rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.message}`}
          dataSource={props.rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            ...(hasFields
              ? [
                  {
                    title: t('import.field'),
                    dataIndex: 'field',
                    width: 160,
                    render: (f?: string) => props.fieldName?.(f) ?? f,
                  },
                ]
              : []),
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
