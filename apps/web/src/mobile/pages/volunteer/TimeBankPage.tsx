import { Button, CapsuleTabs, ErrorBlock, Grid, List, NavBar, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { type PeriodKey, periodKeys, periodRange } from '../../../features/volunteering/periods';
import { useMyAccount, useOpenAccount, useStatement } from '../../../features/volunteering/queries-timebank';
import { describeEntrySource } from '../../../features/timebank/entry-source';
import { MobileShell } from '../../MobileShell';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** 时间银行: my balance, the statement of a period, and the ways to spend (give, donate, redeem). */
export function TimeBankPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useMyAccount();
  const open = useOpenAccount();
  const [period, setPeriod] = useState<PeriodKey>('thisMonth');
  const range = periodRange(period);
  const a = account.data;
  const statement = useStatement(a?.id, range.from, range.to);
  const s = statement.data;

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('mtb.title')}</NavBar>
      {account.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {account.isError && <ErrorBlock status="default" title={t('common.error')} description={account.error.message} />}
      {account.data === null && (
        <ErrorBlock
          status="empty"
          title={t('mtb.noAccount')}
          description={
            <Button color="primary" loading={open.isPending} onClick={() => open.mutate()}>
              {t('mtb.open')}
            </Button>
          }
        />
      )}
      {open.isError && <ErrorBlock status="default" title={t('common.error')} description={open.error.message} />}
      {a && (
        <>
          <section
            aria-label={t('mtb.balance')}
            style={{ background: '#c8161d', color: '#fff', padding: '20px 16px', textAlign: 'center' }}
          >
            <div style={{ opacity: 0.85 }}>{t('mtb.balance')}</div>
            <div style={{ fontSize: 36, fontWeight: 700 }}>{t('mtb.hours', { hours: a.balance })}</div>
            <div style={{ opacity: 0.85, fontSize: 13 }}>
              {a.holderName}
              {a.branch ? ` · ${t('mtb.branch')} ${a.branch.name}` : ''}
            </div>
          </section>
          <Grid columns={3} gap={8} style={{ padding: 12 }}>
            <Button block onClick={() => navigate('/m/timebank/give/family')}>
              {t('mtb.transfer')}
            </Button>
            <Button block onClick={() => navigate('/m/timebank/give/fund')}>
              {t('mtb.donate')}
            </Button>
            <Button block onClick={() => navigate('/m/timebank/goods')}>
              {t('mtb.goods')}
            </Button>
          </Grid>
          <CapsuleTabs activeKey={period} onChange={(k) => setPeriod(k as PeriodKey)}>
            {periodKeys.map((k) => (
              <CapsuleTabs.Tab key={k} title={t(`mtb.${k}`)} />
            ))}
          </CapsuleTabs>
          <List
            header={
              s
                ? `${t('mtb.statement')} ${s.from} ~ ${s.to} · ${t('mtb.opening', { hours: s.openingBalance })} · ${t('mtb.closing', { hours: s.closingBalance })}`
                : t('mtb.statement')
            }
          >
            {statement.isError && <List.Item>{statement.error.message}</List.Item>}
            {s && s.entries.length === 0 && <List.Item>{t('mtb.empty')}</List.Item>}
            {s?.entries.map((e) => (
              <List.Item
                key={`${e.journalId}-${e.amount}`}
                description={`${formatDateTime(e.at)}${e.counterparties.length ? ` · ${e.counterparties.join('、')}` : ''}${e.memo ? ` · ${e.memo}` : ''}`}
                extra={
                  <span style={{ color: e.amount >= 0 ? '#389e0d' : '#c8161d', fontWeight: 600 }}>
                    {signed(e.amount)}
                  </span>
                }
              >
                <div>{t(`mtb.kind.${e.kind}`)}</div>
                {e.source && (
                  <div style={{ fontSize: 13, color: '#555', whiteSpace: 'normal' }}>
                    {describeEntrySource(e.source, t)}
                  </div>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </MobileShell>
  );
}
