import { EyeOutlined } from '@ant-design/icons';
import type { PersonView } from '@wenming/contracts';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRevealPii } from '../queries';

/** "查看完整": asks the server for the unmasked ID number and phone, which it audits. */
export function RevealPiiButton({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const reveal = useRevealPii();
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
    reveal.mutate(person.id);
  };
  const close = () => {
    setOpen(false);
    reveal.reset();
  };
  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={show}>
        {t('person.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('person.revealTitle', { name: person.name })}
        onCancel={close}
        footer={<Button onClick={close}>{t('common.close')}</Button>}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('person.revealAudited')} style={{ marginBottom: 16 }} />
        <ApiErrorAlert error={reveal.error} />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('person.idCard')}>
            {reveal.data ? (reveal.data.idCard ?? '—') : '…'}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.phone')}>
            {reveal.data ? (reveal.data.phone ?? '—') : '…'}
          </Descriptions.Item>
        </Descriptions>
      </Modal>
    </>
  );
}
