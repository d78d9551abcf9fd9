import { useQuery } from '@tanstack/react-query';
import type { PublicSurveyView } from '@wenming/contracts';
import { Button, Card, ErrorBlock, Form, NavBar, NoticeBar, Result, Selector } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../features/auth/queries';
import { MobileLanguageBar } from '../MobileLanguageBar';
import { MobileShell } from '../MobileShell';
import { PhoneLoading } from '../PhoneLoading';
import { uuidv7 } from '../uuid';
import { SurveyCommunityPicker } from './SurveyCommunityPicker';

/** What this phone keeps per questionnaire: the answer's client id, and whether the server has it. */
interface Kept {
  id: string;
  sent: boolean;
}
const keyOf = (token: string) => `wenming.survey.${token}`;

function readKept(token: string): Kept | null {
  try {
    const raw = localStorage.getItem(keyOf(token));
    return raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return null;
  }
}
function keep(token: string, kept: Kept) {
  try {
    localStorage.setItem(keyOf(token), JSON.stringify(kept));
  } catch {
    // Storage blocked (private mode): the server still stores a resend of the same answer once.
  }
}

type Values = Record<string, string[]>;

/**
 * 问卷调查 for residents: the public link's questions, no sign-in. The answer carries one client id kept on the
 * phone, so that a resend (or a second try from the same phone) is stored once; a phone that has answered is told so.
 */
export function SurveyPublicPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  // Signed in on this browser, the session's CSRF token (from /me) must go with the write.
  useMe();
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => api.get<PublicSurveyView>(`public/surveys/${token}`, undefined, { silentAuth: true }),
    retry: false,
  });
  const [kept, setKept] = useState<Kept | null>(() => readKept(token));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const s = survey.data;

  const submit = async (v: Values) => {
    if (!s) return;
    const id = kept?.id ?? uuidv7();
    keep(token, { id, sent: false });
    setSaving(true);
    setError(null);
    try {
      await api.post(
        `public/surveys/${token}/responses`,
        {
          id,
          regionCode: v.regionCode[0],
          answers: s.questions.map((q) => ({ questionId: q.id, value: v[`q_${q.id}`][0] })),
          clientTime: new Date().toISOString(),
        },
        { silentAuth: true },
      );
      const done = { id, sent: true };
      keep(token, done);
      setKept(done);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  let body: ReactNode;
  if (survey.isPending) body = <PhoneLoading />;
  else if (!s) body = <ErrorBlock status="empty" title={t('survey.unavailable')} description="" />;
  else if (kept?.sent) body = <Result status="success" title={t('survey.thanks')} description={t('survey.already')} />;
  else
    body = (
      <>
        <Card title={s.title} style={{ margin: 12 }}>
          {s.description && <p style={{ margin: 0 }}>{s.description}</p>}
        </Card>
        <NoticeBar content={t('survey.intro')} wrap color="info" />
        {error && (
          <div role="alert">
            <NoticeBar color="error" content={error} wrap />
          </div>
        )}
        <Form
          layout="vertical"
          onFinish={(v: Values) => void submit(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={isSaving}>
              {t('survey.submit')}
            </Button>
          }
        >
          <Form.Item
            name="regionCode"
            label={t('survey.community')}
            rules={[{ required: true, message: t('survey.communityRequired') }]}
          >
            <SurveyCommunityPicker regions={s.regions} />
          </Form.Item>
          {s.questions.map((q, i) => (
            <Form.Item
              key={q.id}
              name={`q_${q.id}`}
              label={`${i + 1}. ${q.text}`}
              rules={[{ required: true, message: t('survey.answerRequired') }]}
            >
              <Selector
                columns={q.answers.length > 2 ? 3 : 2}
                options={q.answers.map((a) => ({ value: a.value, label: t(`surveyAnswer.${a.value}`) }))}
              />
            </Form.Item>
          ))}
        </Form>
      </>
    );

  return (
    <MobileShell>
      <NavBar back={null}>{t('survey.pageTitle')}</NavBar>
      {body}
      <MobileLanguageBar />
    </MobileShell>
  );
}
