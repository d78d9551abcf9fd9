import { Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../problems/queries';

/** 整改后: the after-photos of the problem a finding raised, when the unit has sent any. */
export function RectificationPhotos({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const problem = useProblem(problemId);
  const after = problem.data?.photos.after ?? [];
  if (after.length === 0) return null;
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evaluation.afterPhotos')}
      </Typography.Text>
      <Image.PreviewGroup>
        <Space wrap size={4}>
          {after.map((p, i) => (
            <Image
              key={p.fileId}
              src={p.url}
              width={96}
              height={72}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              alt={`${t('evaluation.afterPhotos')} ${i + 1}`}
            />
          ))}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}
