import { type NewsView, newsKinds } from '@wenming/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { FormModal } from '../../../components/FormModal';
import { RegionSelect } from '../../../components/selects';
import { useSaveNews } from '../queries';

interface Values {
  kind: NewsView['kind'];
  title: string;
  summary?: string;
  body: string;
  regionCode: string;
  tags?: string[];
}

/** Write or change an article; the server cleans the body (scripts and event handlers never survive). */
export function NewsFormModal({
  article,
  open,
  onClose,
}: {
  article: NewsView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveNews();
  const kinds = useEnumOptions('newsKind', newsKinds);
  const initial: Partial<Values> = article
    ? { ...article, summary: article.summary ?? undefined }
    : { kind: 'news', tags: [] };
  const submit = (v: Values) =>
    save.mutateAsync({
      id: article?.id,
      version: article?.version,
      body: { ...v, summary: v.summary?.trim() || null, tags: v.tags ?? [], coverFileId: article?.coverFileId ?? null },
    });
  return (
    <FormModal<Values>
      open={open}
      name="news"
      title={article ? t('news.edit') : t('news.create')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      successMessage={t('common.saved')}
    >
      <Form.Item name="kind" label={t('news.kind')} rules={[{ required: true }]}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item name="title" label={t('news.headline')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('news.region')} rules={[{ required: true }]}>
        <RegionSelect />
      </Form.Item>
      <Form.Item name="tags" label={t('news.tags')}>
        <Select mode="tags" maxCount={10} />
      </Form.Item>
      <Form.Item name="summary" label={t('news.summary')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Form.Item name="body" label={t('news.body')} rules={[{ required: true }]}>
        <Input.TextArea rows={10} />
      </Form.Item>
    </FormModal>
  );
}
