import { type OrderCreateBody, orderUrgencies } from '@wenming/contracts';
import type { FormInstance } from 'antd';
import { Button, Form, Input, List, NavBar, NoticeBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { applyFieldErrors } from '../../../api/form-errors';
import { isRefusal } from '../../../features/volunteering/refusal';
import { readGps } from '../../../features/inspections/offline-photo';
import { useCreateOrder, useServiceMenu } from '../../../features/volunteering/queries-orders';
import { MobileShell } from '../../MobileShell';
import { uuidv7 } from '../../uuid';

interface Values {
  title?: string;
  description: string;
  address: string;
  urgency: string[];
}

/** 点单 / 微心愿: what is needed, where and how urgent; the client's id makes a resend store it once. */
export function OrderCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const itemId = params.get('itemId');
  const kind = itemId ? 'menu' : params.get('kind') === 'need' ? 'need' : 'wish';
  const menu = useServiceMenu();
  const item = menu.data?.find((i) => i.id === itemId) ?? null;
  const siteId = item?.site.id ?? params.get('siteId') ?? undefined;
  const create = useCreateOrder();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const id = useRef(uuidv7());
  const required = (field: string) => ({ required: true, whitespace: true, message: t('msvc.required', { field }) });

  const submit = async (v: Values) => {
    if (!siteId) return setProblem(t('msvc.menuEmpty'));
    setProblem(null);
    const gps = await readGps(3000);
    const body = {
      id: id.current,
      siteId,
      kind,
      itemId: item?.id ?? null,
      title: v.title?.trim() || null,
      description: v.description.trim(),
      address: v.address.trim(),
      urgency: v.urgency?.[0] ?? 'routine',
      lat: gps?.lat ?? null,
      lng: gps?.lng ?? null,
      payWithHours: false,
    } as OrderCreateBody;
    try {
      const order = await create.mutateAsync(body);
      Toast.show({ icon: 'success', content: t('msvc.placed', { number: order.number }) });
      navigate(`/m/orders/${order.id}`, { replace: true });
    } catch (err) {
      if (isRefusal(err)) id.current = uuidv7();
      const rest = applyFieldErrors(form as unknown as FormInstance, err);
      setProblem(rest && rest.length === 0 ? null : (rest?.join('；') ?? (err as Error).message));
    }
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/services')}>{kind === 'wish' ? t('msvc.wish') : t('msvc.newOrder')}</NavBar>
      {kind === 'wish' && <NoticeBar content={t('msvc.wishHint')} wrap />}
      {item && (
        <List header={t('msvc.item')}>
          <List.Item description={item.description ?? ''} extra={item.site.name}>
            {item.name}
          </List.Item>
        </List>
      )}
      {problem && (
        <div role="alert">
          <NoticeBar color="error" content={problem} wrap />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ urgency: ['routine'] }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={create.isPending}>
            {t('msvc.submit')}
          </Button>
        }
      >
        {kind !== 'menu' && (
          <Form.Item name="title" label={t('msvc.wishTitle')}>
            <Input aria-label={t('msvc.wishTitle')} maxLength={100} clearable />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('msvc.description')} rules={[required(t('msvc.description'))]}>
          <TextArea aria-label={t('msvc.description')} rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="address" label={t('msvc.address')} rules={[required(t('msvc.address'))]}>
          <Input aria-label={t('msvc.address')} maxLength={300} clearable />
        </Form.Item>
        <Form.Item name="urgency" label={t('msvc.urgency')}>
          <Selector
            columns={3}
            options={orderUrgencies.map((u) => ({ value: u, label: t(`msvc.urgencyName.${u}`) }))}
          />
        </Form.Item>
      </Form>
    </MobileShell>
  );
}
