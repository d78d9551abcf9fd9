import type { ChecklistStandard, InspectionUpdateBody, InspectionView } from '@wenming/contracts';
import { Button, List, Modal, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../features/inspections/score-format';

export interface InspectionConflict {
  mine: InspectionUpdateBody;
  theirs: InspectionView;
}

/** 409 on an edit: my version and the server's, standard by standard, and the choice of which to keep. */
export function InspectConflict({
  conflict,
  standards,
  onKeepMine,
  onUseTheirs,
}: {
  conflict: InspectionConflict | null;
  standards: ChecklistStandard[];
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { t } = useTranslation();
  if (!conflict) return null;
  const label = (r: string | undefined) =>
    r ? t(r === 'met' ? 'inspect.met' : r === 'not_met' ? 'inspect.notMet' : 'inspect.na') : '—';
  const mineBy = new Map(conflict.mine.observations.map((o) => [o.indicatorId, o]));
  const theirsBy = new Map(conflict.theirs.observations.map((o) => [o.indicatorId, o]));
  const differing = standards.filter((s) => {
    const a = mineBy.get(s.id);
    const b = theirsBy.get(s.id);
    return a?.result !== b?.result || (a?.note ?? null) !== (b?.note ?? null);
  });
  return (
    <Modal
      visible
      title={t('inspect.conflictTitle')}
      content={
        <div role="alertdialog" aria-label={t('inspect.conflictTitle')}>
          <p style={{ fontSize: 13 }}>{t('inspect.conflictHint')}</p>
          <List>
            <List.Item extra={`${t('inspect.mine')} / ${t('inspect.theirs')}`}>{t('inspect.standard')}</List.Item>
            {differing.map((s) => (
              <List.Item
                key={s.id}
                description={
                  <>
                    <div>{`${t('inspect.mine')}：${mineBy.get(s.id)?.note ?? ''}`}</div>
                    <div>{`${t('inspect.theirs')}：${theirsBy.get(s.id)?.note ?? ''}`}</div>
                  </>
                }
                extra={`${label(mineBy.get(s.id)?.result)} / ${label(theirsBy.get(s.id)?.result)}`}
              >
                {s.code} {s.name}
              </List.Item>
            ))}
            <List.Item extra={`${conflict.theirs.inspectorName ?? ''} · ${formatScore(conflict.theirs.score)}`}>
              {t('inspect.theirs')}
            </List.Item>
          </List>
          <Space block direction="vertical" style={{ marginTop: 12 }}>
            <Button block color="primary" onClick={onKeepMine}>
              {t('inspect.keepMine')}
            </Button>
            <Button block onClick={onUseTheirs}>
              {t('inspect.useTheirs')}
            </Button>
          </Space>
        </div>
      }
    />
  );
}
