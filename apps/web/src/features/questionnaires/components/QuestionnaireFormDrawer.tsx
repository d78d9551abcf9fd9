import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type QuestionnaireView,
  type SurveyQuestionKind,
  type SurveyQuestionScale,
  questionnaireStatuses,
  surveyQuestionKinds,
} from '@wenming/contracts';
import { Alert, Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../components/enum-options';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { RegionSelect } from '../../../components/selects';
import { uuidv7 } from '../../../mobile/uuid';
import { type QuestionnaireInput, updateOf, useCreateQuestionnaire, useUpdateQuestionnaire } from '../queries';

type Values = QuestionnaireInput & { status?: QuestionnaireView['status'] };

/** The answer scales a kind of question may use: awareness is 知道/不知道; satisfaction two or five levels. */
const scalesOf: Record<SurveyQuestionKind, SurveyQuestionScale[]> = {
  awareness: ['knows'],
  satisfaction: ['five_level', 'yes_no'],
};

function QuestionFields({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kindOptions = useEnumOptions('surveyKind', surveyQuestionKinds);
  return (
    <Form.List
      name="questions"
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v?.length) throw new Error(t('qn.needQuestion'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={t('qn.question', { n: i + 1 })}
              style={{ marginBottom: 12 }}
              extra={
                !locked && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('qn.removeQuestion')}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <Form.Item name={[field.name, 'text']} label={t('qn.questionText')} rules={[{ required: true }]}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  disabled={locked}
                  aria-label={`${t('qn.question', { n: i + 1 })} ${t('qn.questionText')}`}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name={[field.name, 'kind']} label={t('qn.kind')} rules={[{ required: true }]}>
                  <Select
                    options={kindOptions}
                    disabled={locked}
                    style={{ width: 140 }}
                    onChange={(kind: SurveyQuestionKind) =>
                      form.setFieldValue(['questions', field.name, 'scale'], scalesOf[kind][0])
                    }
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['questions', field.name, 'kind']]}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['questions', field.name, 'kind']) as SurveyQuestionKind | undefined;
                    const options = (kind ? scalesOf[kind] : []).map((s) => ({
                      value: s,
                      label: t(`surveyScale.${s}`),
                    }));
                    return (
                      <Form.Item name={[field.name, 'scale']} label={t('qn.scale')}>
                        <Select options={options} disabled={locked || !kind} style={{ width: 200 }} />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {!locked && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'satisfaction', scale: 'five_level', text: '' })}
            >
              {t('qn.addQuestion')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** Create a questionnaire, or edit one (questions fixed once anyone has answered). */
export function QuestionnaireFormDrawer(props: {
  open: boolean;
  editing?: QuestionnaireView;
  onClose: () => void;
  onSaved?: (q: QuestionnaireView) => void;
}) {
  const { open, editing, onClose, onSaved } = props;
  const { t } = useTranslation();
  const create = useCreateQuestionnaire();
  const update = useUpdateQuestionnaire(editing?.id ?? '');
  const statusOptions = useEnumOptions('questionnaireStatus', questionnaireStatuses);
  // One client id per opening: a resend after a lost answer creates nothing twice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new id each time the drawer opens
  const id = useMemo(() => uuidv7(), [open]);
  const locked = !!editing && editing.responseCount > 0;
  const initialValues: Partial<Values> = editing
    ? { ...editing, questions: editing.questions.map((q) => ({ ...q })) }
    : { isPublic: true, questions: [{ kind: 'awareness', scale: 'knows', text: '' }] };

  const submit = async (v: Values) => {
    const body = { ...v, description: v.description?.trim() || null, regionCode: v.regionCode || null };
    const saved = editing
      ? await update.mutateAsync(updateOf(editing, { ...body, status: v.status ?? editing.status }))
      : await create.mutateAsync({ ...body, id });
    onSaved?.(saved);
  };

  return (
    <EntityFormDrawer<Values>
      open={open}
      title={editing ? t('qn.edit') : t('qn.create')}
      name="questionnaire"
      width={640}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      <Form.Item name="title" label={t('qn.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('qn.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('qn.region')} extra={t('qn.regionHint')}>
        <RegionSelect allowClear aria-label={t('qn.region')} valueLabel={editing?.regionName} />
      </Form.Item>
      <Space size="large">
        <Form.Item name="isPublic" label={t('qn.isPublic')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('qn.status')}>
            <Select options={statusOptions} style={{ width: 140 }} />
          </Form.Item>
        )}
      </Space>
      {locked && <Alert type="info" showIcon title={t('qn.lockedQuestions')} style={{ marginBottom: 12 }} />}
      <QuestionFields locked={locked} />
    </EntityFormDrawer>
  );
}
