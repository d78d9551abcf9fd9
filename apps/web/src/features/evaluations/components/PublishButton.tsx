import { SendOutlined } from '@ant-design/icons';
import type { BulletinView } from '@wenming/contracts';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { uuidv7 } from '../../../mobile/uuid';
import { usePublish } from '../queries';

/** 发布通报: freezes the results into a bulletin (POST /evaluations/{id}/publish); offers its documents. */
export function PublishButton({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const publish = usePublish(evaluationId);
  // One key per confirmation: a double click or a resend publishes one bulletin.
  const [key, setKey] = useState(uuidv7);

  const onConfirm = async () => {
    try {
      const b: BulletinView = await publish.mutateAsync(key);
      message.success(t('evaluation.published', { number: b.docNumber }));
      modal.success({
        title: t('evaluation.published', { number: b.docNumber }),
        content: (
          <Space direction="vertical">
            <Typography.Text>{b.title}</Typography.Text>
            <Space>
              {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
                <Typography.Link key={f} href={apiUrl(`bulletins/${b.id}.${f}`)}>
                  {t(`evaluation.download.${f}`)}
                </Typography.Link>
              ))}
            </Space>
          </Space>
        ),
      });
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setKey(uuidv7());
    }
  };

  return (
    <Popconfirm
      title={t('evaluation.publishConfirm')}
      onConfirm={() => void onConfirm()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <Button type="primary" icon={<SendOutlined />} loading={publish.isPending}>
        {t('evaluation.publish')}
      </Button>
    </Popconfirm>
  );
}
