import { type ChecklistStandard, type ObservationResult, findingSeverities } from '@wenming/contracts';
import { Button, Card, Image, Radio, Selector, Space, TextArea } from 'antd-mobile';
import { type ChangeEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Gps, newFieldPhoto } from '../../features/inspections/offline-photo';
import { type Mark, photoSrc } from '../../features/inspections/offline-inspection';
import { earnedWithReason } from '../../features/inspections/score-reason';

const resultLabels: Record<ObservationResult, string> = {
  met: 'inspect.met',
  not_met: 'inspect.notMet',
  na: 'inspect.na',
};

/**
 * One standard of the checklist: met / not met / N/A; a finding (not met) gets a note, photos from the
 * camera, and the category and severity of the problem it becomes.
 */
export function InspectStandardCard({
  standard,
  mark,
  gps,
  categories,
  onChange,
}: {
  standard: ChecklistStandard;
  mark: Mark;
  gps: Gps | null;
  categories: { code: string; name: string }[];
  onChange: (mark: Mark) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const addPhotos = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])].map((f) => newFieldPhoto(f, gps));
    onChange({ ...mark, photos: [...mark.photos, ...picked] });
    e.target.value = '';
  };
  const label = `${standard.code} ${standard.name}`;
  // What this standard earns as marked, and the rule that explains it (e.g. 不符合 under 按问题扣分 keeps 2.5 of 3).
  const scored = mark.result ? earnedWithReason(standard, { result: mark.result }, t) : null;
  const border = mark.result === 'not_met' ? '#c8161d' : mark.result ? '#52c41a' : '#eee';
  return (
    <section aria-label={label} style={{ margin: '8px 0', borderLeft: `4px solid ${border}` }}>
      <Card
        title={<span style={{ fontSize: 14, whiteSpace: 'normal' }}>{label}</span>}
        extra={
          <span style={{ color: '#999', whiteSpace: 'nowrap' }}>
            {t('inspect.points', { points: standard.points })}
          </span>
        }
      >
        {standard.path.length > 0 && <div style={{ color: '#999', fontSize: 12 }}>{standard.path.join(' / ')}</div>}
        {standard.standard && <div style={{ fontSize: 13, margin: '4px 0' }}>{standard.standard}</div>}
        <Radio.Group
          value={mark.result ?? undefined}
          onChange={(v) => onChange({ ...mark, result: v as ObservationResult })}
        >
          <Space wrap style={{ '--gap-horizontal': '16px', margin: '8px 0' } as React.CSSProperties}>
            {(['met', 'not_met', 'na'] as const).map((r) => (
              <Radio key={r} value={r}>
                {t(resultLabels[r])}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {scored && (
          <div
            role="note"
            aria-label={`${t('inspect.standardScore')} ${standard.code}`}
            style={{ fontSize: 13, background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}
          >
            {scored.earned !== null && (
              <strong style={{ marginRight: 8 }}>
                {t('scoreReason.earned', { earned: scored.earned, points: scored.points })}
              </strong>
            )}
            <span style={{ color: '#666' }}>{scored.reason}</span>
          </div>
        )}
        {mark.result === 'not_met' && (
          <>
            <div style={{ fontSize: 13, margin: '4px 0' }}>{t('inspect.findingCategory')}</div>
            <Selector
              aria-label={`${t('inspect.findingCategory')} ${standard.code}`}
              columns={3}
              options={categories.map((c) => ({ label: c.name, value: c.code }))}
              value={mark.findingCategory ? [mark.findingCategory] : []}
              onChange={(v) => onChange({ ...mark, findingCategory: v[0] ?? null })}
            />
            <div style={{ fontSize: 13, margin: '8px 0 4px' }}>{t('inspect.findingSeverity')}</div>
            <Selector
              aria-label={`${t('inspect.findingSeverity')} ${standard.code}`}
              columns={3}
              options={findingSeverities.map((v) => ({ label: t(`problemSeverity.${v}`), value: v }))}
              value={mark.severity ? [mark.severity] : []}
              onChange={(v) => onChange({ ...mark, severity: v[0] ?? null })}
            />
            <TextArea
              aria-label={`${t('inspect.note')} ${standard.code}`}
              placeholder={t('inspect.notePlaceholder')}
              value={mark.note}
              onChange={(note) => onChange({ ...mark, note })}
              rows={2}
              maxLength={1000}
            />
            <Space wrap style={{ marginTop: 8 }}>
              {mark.sentPhotoIds.map((id, i) => (
                <Image
                  key={id}
                  src={photoSrc(id)}
                  width={80}
                  height={80}
                  fit="cover"
                  alt={`${t('inspect.evidence')} ${standard.code}-${i + 1}`}
                />
              ))}
              {mark.photos.map((p, i) => (
                <div key={p.id}>
                  <Image
                    src={p.url}
                    width={80}
                    height={80}
                    fit="cover"
                    alt={`${t('inspect.photo')} ${standard.code}-${mark.sentPhotoIds.length + i + 1}`}
                  />
                  <Button
                    size="mini"
                    fill="none"
                    color="danger"
                    onClick={() => onChange({ ...mark, photos: mark.photos.filter((x) => x.id !== p.id) })}
                  >
                    {t('inspect.removePhoto')}
                  </Button>
                </div>
              ))}
            </Space>
            <input
              ref={input}
              type="file"
              accept="image/*"
              capture="environment"
              aria-label={t('inspect.takePhoto', { code: standard.code })}
              style={{ display: 'none' }}
              onChange={addPhotos}
            />
            <Button size="small" style={{ marginTop: 8 }} onClick={() => input.current?.click()}>
              {t('inspect.takePhoto', { code: standard.code })}
            </Button>
          </>
        )}
      </Card>
    </section>
  );
}
