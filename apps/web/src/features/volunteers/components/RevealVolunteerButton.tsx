import { EyeOutlined } from '@ant-design/icons';
import type { VolunteerView } from '@wenming/contracts';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRevealVolunteer } from '../queries';

/** "查看完整": asks the server for the unmasked ID number and phone of a volunteer, which it audits. */
export function RevealVolunteerButton({ volunteer }: { volunteer: Pick<VolunteerView, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const reveal = useRevealVolunteer();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    reveal.reset();
  };
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={() => {
          setOpen(true);
          reveal.mutate(volunteer.id);
        }}
      >
        {t('vol.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('vol.revealTitle', { name: volunteer.name })}
        onCancel={close}
        footer={<Button onClick={close}>{t('common.close')}</Button>}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('vol.revealAudited')} style={{ marginBottom: 16 }} />
        <ApiErrorAlert error={reveal.error} />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('vol.idCard')}>
            {reveal.data ? (reveal.data.idCard ?? '—') : '…'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.phone')}>{reveal.data ? (reveal.data.phone ?? '—') : '…'}</Descriptions.Item>
        </Descriptions>
      </Modal>
    </>
  );
}
