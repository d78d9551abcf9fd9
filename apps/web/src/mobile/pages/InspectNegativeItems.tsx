import type { ChecklistNegativeItem } from '@wenming/contracts';
import { Checkbox, List, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** The framework's negative list (负面清单) on the phone: tick what was found, with a note each. */
export function InspectNegativeItems({
  items,
  hits,
  onChange,
}: {
  items: ChecklistNegativeItem[];
  /** Negative item id → note, for the items ticked. */
  hits: Record<string, string>;
  onChange: (hits: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  if (!items.length) return null;
  const effect = (n: ChecklistNegativeItem) =>
    n.effect === 'veto'
      ? t('inspect.negativeVeto')
      : n.effect === 'suspend'
        ? t('inspect.negativeSuspend')
        : t('inspect.negativeDeduct', { points: n.deduction ?? 0 });
  const toggle = (id: string, on: boolean) => {
    const next = { ...hits };
    if (on) next[id] = next[id] ?? '';
    else delete next[id];
    onChange(next);
  };
  return (
    <List header={t('inspect.negatives')} aria-label={t('inspect.negatives')}>
      <List.Item description={t('inspect.negativesHint')} />
      {items.map((n) => (
        <List.Item key={n.id} extra={<span style={{ color: '#c8161d', whiteSpace: 'nowrap' }}>{effect(n)}</span>}>
          <Checkbox checked={n.id in hits} onChange={(on) => toggle(n.id, on)}>
            {n.code} {n.name}
          </Checkbox>
          {n.id in hits && (
            <TextArea
              aria-label={`${t('inspect.negativeNote')} ${n.code}`}
              placeholder={t('inspect.negativeNote')}
              value={hits[n.id]}
              onChange={(note) => onChange({ ...hits, [n.id]: note })}
              rows={2}
              maxLength={1000}
              style={{ marginTop: 4 }}
            />
          )}
        </List.Item>
      ))}
    </List>
  );
}
