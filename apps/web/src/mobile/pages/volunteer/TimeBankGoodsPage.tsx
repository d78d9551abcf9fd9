import type { TimebankGoodsView, TimebankRedemptionView } from '@wenming/contracts';
import { Button, Dialog, ErrorBlock, List, NavBar, NoticeBar, Result, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGoods, useMyAccount, useRedeem } from '../../../features/volunteering/queries-timebank';
import { MobileShell } from '../../MobileShell';
import { uuidv7 } from '../../uuid';

/** 兑换物品: the catalogue of my branch; a redemption shows the code to collect the goods with. */
export function TimeBankGoodsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useMyAccount();
  const a = account.data;
  const goods = useGoods(a?.branch?.id);
  const redeem = useRedeem();
  const [done, setDone] = useState<TimebankRedemptionView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (g: TimebankGoodsView) => {
    if (!a) return;
    if (!(await Dialog.confirm({ content: t('mtb.redeemConfirm', { hours: g.priceHours, name: g.name }) }))) return;
    setProblem(null);
    try {
      setDone(await redeem.mutateAsync({ accountId: a.id, goodsId: g.id, key: uuidv7() }));
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/timebank')}>{t('mtb.goods')}</NavBar>
      {a && <NoticeBar content={`${t('mtb.balance')} ${t('mtb.hours', { hours: a.balance })}`} />}
      {account.data === null && <ErrorBlock status="empty" title={t('mtb.noAccount')} description="" />}
      {problem && (
        <div role="alert">
          <NoticeBar color="error" content={problem} wrap />
        </div>
      )}
      {done ? (
        <div role="status">
          <Result
            status="success"
            title={t('mtb.redeemed')}
            description={
              <div>
                <output
                  aria-label={t('mtb.redeemed')}
                  style={{ fontSize: 32, fontWeight: 700, letterSpacing: 4, margin: '8px 0' }}
                >
                  {done.code}
                </output>
                <div>
                  {done.goods.name} · {t('mtb.price', { hours: done.hours })}
                </div>
                <div>{t('mtb.redeemCodeHint')}</div>
              </div>
            }
          />
          <div style={{ padding: 12 }}>
            <Button block onClick={() => setDone(null)}>
              {t('mtb.catalogue')}
            </Button>
          </div>
        </div>
      ) : (
        <List header={a?.branch ? `${t('mtb.catalogue')} · ${a.branch.name}` : t('mtb.catalogue')}>
          {goods.isPending && a?.branch && <Skeleton.Paragraph lineCount={4} animated />}
          {a && (!a.branch || (goods.isSuccess && goods.data.filter((g) => g.active).length === 0)) && (
            <List.Item>{t('mtb.catalogueEmpty')}</List.Item>
          )}
          {goods.data
            ?.filter((g) => g.active)
            .map((g) => (
              <List.Item
                key={g.id}
                description={`${g.description ?? ''} ${t('mtb.stock', { count: g.stock })}`}
                extra={
                  <Button
                    size="small"
                    color="primary"
                    disabled={g.stock <= 0 || (a?.available ?? a?.balance ?? 0) < g.priceHours}
                    loading={redeem.isPending && redeem.variables?.goodsId === g.id}
                    onClick={() => void pick(g)}
                  >
                    {t('mtb.redeem')}
                  </Button>
                }
              >
                {g.name} · {t('mtb.price', { hours: g.priceHours })}
              </List.Item>
            ))}
        </List>
      )}
    </MobileShell>
  );
}
