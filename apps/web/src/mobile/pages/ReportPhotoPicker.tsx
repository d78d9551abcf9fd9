import { Button, Image, Space } from 'antd-mobile';
import { type ChangeEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Camera input (`capture="environment"`) with thumbnails of the photos taken. */
export function ReportPhotoPicker({
  urls,
  label,
  onPick,
}: {
  urls: string[];
  label: string;
  onPick: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    onPick([...(e.target.files ?? [])]);
    e.target.value = '';
  };
  return (
    <div>
      <Space wrap>
        {urls.map((u, i) => (
          <Image key={u} src={u} width={80} height={80} fit="cover" alt={`${t('problem.photo')} ${i + 1}`} />
        ))}
      </Space>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={change}
      />
      <div>
        <Button size="small" style={{ marginTop: 8 }} onClick={() => input.current?.click()}>
          {label}
        </Button>
      </div>
    </div>
  );
}
