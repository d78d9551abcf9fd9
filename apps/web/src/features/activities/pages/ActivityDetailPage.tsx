import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { Button, Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SignupTables } from '../components/SignupTables';
import { useActivity } from '../queries';

/** 活动详情: what, when, where (check-in area), who may sign up; sign-ups, attendance and hours. */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  const a = activity.data;
  useRecordCrumb(a?.title);
  if (activity.isPending) return <FullPageSpin />;
  if (!a) return <ApiErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/activities">
        <ArrowLeftOutlined /> {t('act.back')}
      </Link>
      <Card
        title={a.title}
        extra={
          a.canManage && (
            <Link to={`/activities/${a.id}/qr`} target="_blank">
              <Button type="primary" icon={<QrcodeOutlined />}>
                {t('act.qrOpen')}
              </Button>
            </Link>
          )
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('act.type')}>{t(`actType.${a.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('act.status')}>{t(`actStatus.${a.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('act.time')}>
            {formatDateTime(a.startsAt)} — {formatDateTime(a.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('act.site')}>
            {[a.siteName, a.teamName].filter(Boolean).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('act.place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('act.geofence')}>
            {`${a.lat.toFixed(5)}, ${a.lng.toFixed(5)} · ${a.radiusM} m`}
          </Descriptions.Item>
          <Descriptions.Item label={t('act.limit')}>
            {t('act.places', { signed: a.signedUpCount, limit: a.recruitLimit })}
            {a.waitlistCount > 0 && ` · ${t('act.waitlisted')} ${a.waitlistCount}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('act.eligibility')}>
            <Space size={[0, 4]} wrap>
              {a.requiredSkills.map((s) => (
                <Tag key={s}>{t(`volSkill.${s}`)}</Tag>
              ))}
              {a.teamOnly && <Tag color="blue">{t('act.teamOnly')}</Tag>}
              {!a.requiredSkills.length && !a.teamOnly && t('common.none')}
            </Space>
          </Descriptions.Item>
          {a.description && (
            <Descriptions.Item label={t('act.description')} span={2}>
              {a.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'signups', label: t('act.signups'), children: <SignupTables activity={a} tab="signups" /> },
            { key: 'attendance', label: t('act.attendance'), children: <SignupTables activity={a} tab="attendance" /> },
            { key: 'hours', label: t('act.hours'), children: <SignupTables activity={a} tab="hours" /> },
          ]}
        />
      </Card>
    </Space>
  );
}
