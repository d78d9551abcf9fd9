import type { FormInstance } from 'antd';
import { Button, ErrorBlock, Form, Input, NavBar, NoticeBar, Selector, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isRefusal } from '../../../features/volunteering/refusal';
import { applyFieldErrors } from '../../../api/form-errors';
import { useFunds, useMyAccount, useTransfer } from '../../../features/volunteering/queries-timebank';
import { MobileShell } from '../../MobileShell';
import { uuidv7 } from '../../uuid';

interface Values {
  toAccountId: string[];
  hours: string;
  memo?: string;
}

/** 转赠家人 (`kind=family`) or 捐赠 (`kind=fund`): one transfer with an Idempotency-Key per filled-in form. */
export function TimeBankGivePage() {
  const { kind } = useParams<{ kind: string }>();
  const isFund = kind === 'fund';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useMyAccount();
  const funds = useFunds(isFund);
  const transfer = useTransfer();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(uuidv7());
  const a = account.data;
  const targets = isFund ? (funds.data ?? []) : (a?.family ?? []);

  const submit = async (v: Values) => {
    if (!a) return;
    setProblem(null);
    const hours = Number(v.hours);
    try {
      const r = await transfer.mutateAsync({
        body: { fromAccountId: a.id, toAccountId: v.toAccountId[0], hours, memo: v.memo?.trim() || null },
        key: key.current,
      });
      key.current = uuidv7();
      Toast.show({ icon: 'success', content: t(isFund ? 'mtb.donated' : 'mtb.transferred', { hours: r.hours }) });
      navigate('/m/timebank');
    } catch (err) {
      const rest = applyFieldErrors(form as unknown as FormInstance, err);
      setProblem(rest && rest.length === 0 ? null : (rest?.join('；') ?? (err as Error).message));
      // A refusal is final for these values; a lost answer may be resent with the same key.
      if (isRefusal(err)) key.current = uuidv7();
    }
  };

  const title = isFund ? t('mtb.donate') : t('mtb.transfer');
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/timebank')}>{title}</NavBar>
      {a && <NoticeBar content={`${t('mtb.balance')} ${t('mtb.hours', { hours: a.balance })}`} />}
      {account.data === null && <ErrorBlock status="empty" title={t('mtb.noAccount')} description="" />}
      {problem && (
        <div role="alert">
          <NoticeBar color="error" content={problem} wrap />
        </div>
      )}
      {a && targets.length === 0 && (isFund ? funds.isSuccess : true) && (
        <NoticeBar color="alert" content={isFund ? t('mtb.noFund') : t('mtb.noFamily')} wrap />
      )}
      {a && targets.length > 0 && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          onValuesChange={() => {
            key.current = uuidv7();
          }}
          footer={
            <Button block type="submit" color="primary" size="large" loading={transfer.isPending}>
              {title}
            </Button>
          }
        >
          <Form.Item
            name="toAccountId"
            label={isFund ? t('mtb.toFund') : t('mtb.toAccount')}
            rules={[{ required: true, message: t('mtb.pickAccount') }]}
          >
            <Selector columns={2} options={targets.map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('mtb.amount')}
            rules={[
              {
                validator: async (_: unknown, v: string | undefined) => {
                  const n = Number(v);
                  if (!v || !(n > 0) || Math.abs(n * 100 - Math.round(n * 100)) > 1e-6)
                    throw new Error(t('mtb.amountInvalid'));
                },
              },
            ]}
          >
            <Input aria-label={t('mtb.amount')} type="number" inputMode="decimal" clearable />
          </Form.Item>
          <Form.Item name="memo" label={t('mtb.memo')}>
            <Input aria-label={t('mtb.memo')} maxLength={200} clearable />
          </Form.Item>
        </Form>
      )}
    </MobileShell>
  );
}
