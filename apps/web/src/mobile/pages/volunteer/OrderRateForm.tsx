import { Button, List, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderTransitionInput } from '../../../features/volunteering/queries-orders';

/** 评单: one to five stars and a comment. */
export function OrderRateForm({ onSubmit }: { onSubmit: (body: OrderTransitionInput) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (rating < 1) return Toast.show({ content: t('msvc.ratingRequired') });
    setBusy(true);
    try {
      await onSubmit({ action: 'rate', rating, comment: comment.trim() || null });
    } finally {
      setBusy(false);
    }
  };
  return (
    <List header={t('msvc.rate')}>
      <List.Item>
        <fieldset aria-label={t('msvc.rating')} style={{ display: 'flex', gap: 8, border: 0, margin: 0, padding: 0 }}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              aria-pressed={rating === n}
              aria-label={t('msvc.stars', { count: n })}
              onClick={() => setRating(n)}
              style={{
                fontSize: 32,
                lineHeight: 1,
                border: 0,
                background: 'none',
                padding: 0,
                color: n <= rating ? '#fa8c16' : '#ddd',
              }}
            >
              ★
            </button>
          ))}
        </fieldset>
      </List.Item>
      <List.Item>
        <TextArea
          aria-label={t('msvc.ratingComment')}
          placeholder={t('msvc.ratingComment')}
          value={comment}
          onChange={setComment}
          rows={3}
          maxLength={1000}
        />
      </List.Item>
      <List.Item>
        <Button block color="primary" loading={busy} onClick={() => void submit()}>
          {t('msvc.rate')}
        </Button>
      </List.Item>
    </List>
  );
}
