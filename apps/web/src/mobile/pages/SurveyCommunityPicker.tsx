import { CheckList, Input, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHOWN = 8;

/** The resident's community, found by typing part of its name among the questionnaire's (there may be hundreds). */
export function SurveyCommunityPicker(props: {
  regions: { code: string; name: string }[];
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { regions, value, onChange } = props;
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const chosen = value?.[0];
  const matches = regions.filter((r) => !term || r.name.includes(term));
  const shown = term || regions.length <= SHOWN ? matches.slice(0, SHOWN) : [];
  const chosenName = regions.find((r) => r.code === chosen)?.name;
  return (
    <div>
      {chosenName && (
        <Tag color="primary" fill="outline" style={{ marginBottom: 6 }}>
          {chosenName}
        </Tag>
      )}
      <Input
        aria-label={t('survey.community')}
        placeholder={t('survey.communitySearch')}
        value={q}
        onChange={setQ}
        clearable
      />
      {term && matches.length === 0 && <div style={{ color: '#999', fontSize: 13 }}>{t('survey.communityNone')}</div>}
      {shown.length > 0 && (
        <CheckList
          value={chosen ? [chosen] : []}
          onChange={(v) => {
            const next = (v as string[]).find((c) => c !== chosen) ?? chosen;
            if (next) onChange?.([next]);
            setQ('');
          }}
        >
          {shown.map((r) => (
            <CheckList.Item key={r.code} value={r.code}>
              {r.name}
            </CheckList.Item>
          ))}
        </CheckList>
      )}
    </div>
  );
}
