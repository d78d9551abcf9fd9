import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { Card, Descriptions, Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { RevealVolunteerButton } from '../components/RevealVolunteerButton';
import { StarTag } from '../components/StarTag';
import { VolunteerCertificates } from '../components/VolunteerCertificates';
import { useVolunteer } from '../queries';

/** 志愿者详情: the record (PII masked), confirmed hours and star progress, teams and service records. */
export function VolunteerDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAccess();
  const volunteer = useVolunteer(id);
  const v = volunteer.data;
  useRecordCrumb(v?.name);
  if (volunteer.isPending) return <FullPageSpin />;
  if (!v) return <ApiErrorAlert error={volunteer.error} onRetry={() => void volunteer.refetch()} />;
  const next = v.hoursToNextStar;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/volunteers">
        <ArrowLeftOutlined /> {t('vol.back')}
      </Link>
      <Card
        title={`${v.name} · ${v.number}`}
        extra={can('person.reveal_pii') && <RevealVolunteerButton volunteer={v} />}
      >
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('vol.gender')}>{v.gender ? t(`gender.${v.gender}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('vol.idCard')}>{v.idCardMasked}</Descriptions.Item>
          <Descriptions.Item label={t('vol.phone')}>{v.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('vol.politicalStatus')}>
            {v.politicalStatus ? t(`volPolitical.${v.politicalStatus}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.education')}>
            {v.education ? t(`volEducation.${v.education}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.status')}>{t(`volStatus.${v.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('vol.region')}>{v.regionName ?? v.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('vol.site')}>{v.siteName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('vol.createdAt')}>{formatDateTime(v.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('vol.skills')} span={3}>
            <Space size={[0, 4]} wrap>
              {v.skills.map((s) => (
                <Tag key={s}>{t(`volSkill.${s}`)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.availability')} span={3}>
            {v.availability.map((s) => t(`volSlot.${s}`)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.emergencyName')}>
            {[v.emergencyName, v.emergencyPhoneMasked].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.hours')}>
            {t('vol.hoursValue', { hours: v.confirmedHours })}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.star')}>
            <Space>
              <StarTag level={v.starLevel} />
              {next !== null && (
                <span style={{ width: 160, display: 'inline-block' }}>
                  <Progress
                    size="small"
                    percent={Math.round((v.confirmedHours / (v.confirmedHours + next)) * 100)}
                    format={() => t('vol.toNextStar', { hours: next })}
                  />
                </span>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <VolunteerCertificates volunteerId={v.id} />
    </Space>
  );
}
