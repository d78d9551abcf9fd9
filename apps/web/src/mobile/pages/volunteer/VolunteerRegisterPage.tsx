import {
  availabilitySlots,
  educationLevels,
  politicalStatuses,
  type VolunteerCreateBody,
  volunteerSkills,
} from '@wenming/contracts';
import type { FormInstance } from 'antd';
import { Button, ErrorBlock, Form, Input, List, NavBar, NoticeBar, Selector, Skeleton } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { isRefusal } from '../../../features/volunteering/refusal';
import { applyFieldErrors } from '../../../api/form-errors';
import { HomeRegionPicker } from '../../../features/volunteering/components/HomeRegionPicker';
import { idCardRule, phoneRule } from '../../../features/volunteering/id-rules';
import { useMyVolunteer, useRegisterVolunteer } from '../../../features/volunteering/queries';
import { MobileShell } from '../../MobileShell';
import { uuidv7 } from '../../uuid';

interface Values {
  name: string;
  idCard: string;
  phone: string;
  regionCode: string;
  skills: string[];
  serviceAreas: string[];
  availability: string[];
  politicalStatus?: string[];
  education?: string[];
  emergencyName?: string;
  emergencyPhone?: string;
}

/** The 409's pointer to the record that already holds this ID number. */
function existingNumber(details: unknown): string {
  return (details as { existing?: { number?: string } } | null)?.existing?.number ?? '—';
}

/** 志愿者注册 on the phone: real-name fields checked as typed, server field errors under the inputs. */
export function VolunteerRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteer();
  const register = useRegisterVolunteer();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isJustDone, setJustDone] = useState(false);
  // One key per filled-in form: a double tap or a resend after a lost answer registers once.
  const key = useRef(uuidv7());
  const required = (field: string) => ({ required: true, message: t('mvol.register.required', { field }) });

  const submit = async (v: Values) => {
    setProblem(null);
    const body = {
      id: key.current,
      name: v.name.trim(),
      idCard: v.idCard.trim().toUpperCase(),
      phone: v.phone.trim(),
      regionCode: v.regionCode,
      skills: v.skills ?? [],
      serviceAreas: v.serviceAreas?.length ? v.serviceAreas : [v.regionCode],
      availability: v.availability ?? [],
      politicalStatus: v.politicalStatus?.[0] ?? null,
      education: v.education?.[0] ?? null,
      emergencyName: v.emergencyName?.trim() || null,
      emergencyPhone: v.emergencyPhone?.trim() || null,
    } as VolunteerCreateBody;
    try {
      await register.mutateAsync({ body, key: key.current });
      setJustDone(true);
    } catch (err) {
      // A refusal is final for these values (the server stored it under the key); a lost answer keeps the key.
      if (isRefusal(err)) key.current = uuidv7();
      if (isApiError(err, 'VOLUNTEER_ALREADY_REGISTERED')) {
        form.setFields([
          { name: 'idCard', errors: [t('mvol.register.duplicate', { number: existingNumber(err.details) })] },
        ]);
        return setProblem(t('mvol.register.duplicate', { number: existingNumber(err.details) }));
      }
      const rest = applyFieldErrors(form as unknown as FormInstance, err);
      setProblem(rest && rest.length === 0 ? null : (rest?.join('；') ?? (err as Error).message));
    }
  };

  const mine = me.data;
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('mvol.register.title')}</NavBar>
      {me.isPending && <Skeleton.Paragraph lineCount={8} animated />}
      {me.isError && <ErrorBlock status="default" title={t('common.error')} description={me.error.message} />}
      {mine && (
        <div role="status">
          <NoticeBar
            color="success"
            content={t(isJustDone ? 'mvol.register.done' : 'mvol.register.already', { number: mine.number })}
            wrap
          />
          <List header={t('mvol.me')}>
            <List.Item extra={mine.number}>{t('mvol.number')}</List.Item>
            <List.Item extra={mine.idCardMasked}>{mine.name}</List.Item>
            <List.Item onClick={() => navigate('/m/activities')}>{t('mvol.activities')}</List.Item>
          </List>
        </div>
      )}
      {me.data === null && (
        <>
          <NoticeBar content={t('mvol.register.hint')} wrap />
          {problem && (
            <div role="alert">
              <NoticeBar color="error" content={problem} wrap />
            </div>
          )}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            footer={
              <Button block type="submit" color="primary" size="large" loading={register.isPending}>
                {t('mvol.register.submit')}
              </Button>
            }
          >
            <Form.Item name="name" label={t('mvol.register.realName')} rules={[required(t('mvol.register.realName'))]}>
              <Input aria-label={t('mvol.register.realName')} maxLength={50} clearable />
            </Form.Item>
            <Form.Item name="idCard" label={t('mvol.register.idNumber')} rules={[idCardRule(t)]}>
              <Input aria-label={t('mvol.register.idNumber')} maxLength={18} clearable />
            </Form.Item>
            <Form.Item name="phone" label={t('mvol.register.phone')} rules={[phoneRule(t)]}>
              <Input aria-label={t('mvol.register.phone')} type="tel" maxLength={11} clearable />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t('mvol.register.homeRegion')}
              rules={[required(t('mvol.register.homeRegion'))]}
            >
              <HomeRegionPicker label={t('mvol.register.homeRegion')} />
            </Form.Item>
            <Form.Item
              name="skills"
              label={t('mvol.register.skills')}
              rules={[{ required: true, message: t('mvol.register.pickOne') }]}
            >
              <Selector
                multiple
                columns={3}
                options={volunteerSkills.map((s) => ({ value: s, label: t(`mvol.skill.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="serviceAreas" label={t('mvol.register.serviceAreas')}>
              <HomeRegionPicker multiple label={t('mvol.register.serviceAreas')} />
            </Form.Item>
            <Form.Item name="availability" label={t('mvol.register.availability')}>
              <Selector
                multiple
                columns={3}
                options={availabilitySlots.map((s) => {
                  const [d, p] = s.split('_');
                  return { value: s, label: `${t(`mvol.weekday.${d}`)}${t(`mvol.dayPart.${p}`)}` };
                })}
              />
            </Form.Item>
            <Form.Item name="politicalStatus" label={t('mvol.register.politicalStatus')}>
              <Selector
                columns={3}
                options={politicalStatuses.map((s) => ({ value: s, label: t(`mvol.political.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="education" label={t('mvol.register.education')}>
              <Selector
                columns={3}
                options={educationLevels.map((s) => ({ value: s, label: t(`mvol.education.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="emergencyName" label={t('mvol.register.emergencyName')}>
              <Input aria-label={t('mvol.register.emergencyName')} maxLength={50} clearable />
            </Form.Item>
            <Form.Item name="emergencyPhone" label={t('mvol.register.emergencyPhone')} rules={[phoneRule(t, true)]}>
              <Input aria-label={t('mvol.register.emergencyPhone')} type="tel" maxLength={11} clearable />
            </Form.Item>
          </Form>
        </>
      )}
    </MobileShell>
  );
}
