import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ComparisonRow, IndicatorNode } from '@wenming/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { EvidenceField } from '../components/EvidenceField';
import { SelfAssessmentStatusTag } from '../components/SelfAssessmentStatusTag';
import {
  type ScoreInput,
  useComparison,
  useIndicators,
  useReturnSelfAssessment,
  useSaveScores,
  useSelfAssessment,
  useSubmitSelfAssessment,
} from '../queries';

interface LineValues {
  score?: number | null;
  note?: string | null;
  fileIds?: string[];
}
interface Values {
  scores: LineValues[];
  office: LineValues[];
}

const round = (n: number) => Math.round(n * 100) / 100;
const kids = (n: IndicatorNode): IndicatorNode[] => n.children ?? [];
const leavesOf = (nodes: IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => (kids(n).length ? leavesOf(kids(n)) : [n]));
/** The tree for antd's Table: leaves without a `children` array, so that they get no expand button. */
const toRows = (nodes: IndicatorNode[]): IndicatorNode[] =>
  nodes.map((n) =>
    n.children.length
      ? { ...n, children: toRows(n.children) }
      : ({ ...n, children: undefined } as unknown as IndicatorNode),
  );
/** Full marks of an indicator: its own points, else its children's. */
const fullOf = (n: IndicatorNode): number => n.points ?? kids(n).reduce((s, c) => s + fullOf(c), 0);

/** One self-assessment: facts, the indicator tree with self (and checked) scores and evidence, and the actions. */
export function SelfAssessmentDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const { can } = useAccess();
  const sa = useSelfAssessment(id);
  const cmp = useComparison(id);
  const a = sa.data;
  const tree = useIndicators(a?.framework.id);
  useRecordCrumb(a?.title);
  const [form] = Form.useForm<Values>();
  const [returning, setReturning] = useState(false);
  const saveSelf = useSaveScores(id ?? '', 'self');
  const saveOffice = useSaveScores(id ?? '', 'office');
  const submit = useSubmitSelfAssessment(id ?? '');
  const giveBack = useReturnSelfAssessment(id ?? '');

  const leaves = useMemo(() => leavesOf(tree.data ?? []), [tree.data]);
  const tableRows = useMemo(() => toRows(tree.data ?? []), [tree.data]);
  const leafIndex = useMemo(() => new Map(leaves.map((l, i) => [l.id, i])), [leaves]);
  const rows = useMemo(() => new Map((cmp.data?.rows ?? []).map((r) => [r.indicatorId, r])), [cmp.data]);
  const selfEditable = !!a && can('selfassessment.manage') && (a.status === 'draft' || a.status === 'returned');
  const officeEditable = !!a && can('task.review') && a.status === 'submitted';
  const showOffice =
    !!a && (a.status === 'submitted' || a.status === 'checked') && (can('task.review') || a.status === 'checked');

  // The form follows the server after every load and action.
  useEffect(() => {
    if (!leaves.length || !cmp.data) return;
    const line = (r: ComparisonRow | undefined, side: 'self' | 'office', fallback?: ComparisonRow['self']) => {
      const s = r?.[side] ?? fallback ?? null;
      return { score: s?.score ?? null, note: s?.note ?? null, fileIds: s?.fileIds ?? [] };
    };
    form.setFieldsValue({
      scores: leaves.map((l) => line(rows.get(l.id), 'self')),
      office: leaves.map((l) => line(rows.get(l.id), 'office', rows.get(l.id)?.self)),
    });
  }, [leaves, cmp.data, rows, form]);

  const watchedSelf = Form.useWatch('scores', form) as LineValues[] | undefined;
  const watchedOffice = Form.useWatch('office', form) as LineValues[] | undefined;
  const selfOf = (leafId: string): number | null => {
    const i = leafIndex.get(leafId)!;
    const v = selfEditable ? watchedSelf?.[i]?.score : rows.get(leafId)?.self?.score;
    return v ?? null;
  };
  const officeOf = (leafId: string): number | null => {
    const i = leafIndex.get(leafId)!;
    const v = officeEditable ? watchedOffice?.[i]?.score : rows.get(leafId)?.office?.score;
    return v ?? null;
  };
  const sumOf = (n: IndicatorNode, pick: (id: string) => number | null): number =>
    round(kids(n).length ? kids(n).reduce((s, c) => s + sumOf(c, pick), 0) : (pick(n.id) ?? 0));
  const full = round((tree.data ?? []).reduce((s, n) => s + fullOf(n), 0));
  const selfSum = round(leaves.reduce((s, l) => s + (selfOf(l.id) ?? 0), 0));
  const officeSum = round(leaves.reduce((s, l) => s + (officeOf(l.id) ?? 0), 0));

  /** Sends one side's scored lines; the server's `scores.<k>.<field>` errors land under the matching inputs. */
  const send = async (side: 'self' | 'office') => {
    const key = side === 'self' ? 'scores' : 'office';
    const values = form.getFieldsValue(true) as Values;
    const sent: number[] = [];
    const scores: ScoreInput[] = [];
    leaves.forEach((l, i) => {
      const v = values[key]?.[i];
      if (v?.score === null || v?.score === undefined) return;
      sent.push(i);
      scores.push({ indicatorId: l.id, score: v.score, note: v.note?.trim() || null, fileIds: v.fileIds ?? [] });
    });
    const fields = form as FormInstance;
    fields.setFields(leaves.map((_, i) => ({ name: [key, i, 'score'], errors: [] })));
    try {
      return await (side === 'self' ? saveSelf : saveOffice).mutateAsync(scores);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length) {
        fields.setFields(
          err.fieldErrors.map((f) => {
            const [, k, field] = f.field.split('.');
            return { name: [key, sent[Number(k)], field === 'indicatorId' ? 'score' : field], errors: [f.message] };
          }),
        );
        message.error(t('sa.fixErrors'));
      } else message.error(err instanceof Error ? err.message : t('common.error'));
      throw err;
    }
  };
  const confirm = (content: string, okText: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title: t('sa.confirmTitle'),
      content,
      okText,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
          message.success(done);
        } catch {
          // Shown by send() or below the form.
        }
      },
    });

  const scoreCell = (
    key: 'scores' | 'office',
    n: IndicatorNode,
    editable: boolean,
    pick: (id: string) => number | null,
  ) => {
    if (kids(n).length) return <Typography.Text strong>{sumOf(n, pick)}</Typography.Text>;
    const i = leafIndex.get(n.id)!;
    if (!editable) return pick(n.id) ?? '—';
    return (
      // The rule re-validates on change, which also clears the server's error once the score is edited.
      <Form.Item
        name={[key, i, 'score']}
        style={{ margin: 0 }}
        rules={[{ type: 'number', min: 0, message: t('sa.scoreInvalid') }]}
      >
        <InputNumber
          min={0}
          step={0.5}
          style={{ width: 96 }}
          aria-label={`${n.code} ${key === 'scores' ? t('sa.selfScore') : t('sa.officeScore')}`}
        />
      </Form.Item>
    );
  };

  const columns: ColumnsType<IndicatorNode> = [
    { title: t('sa.code'), dataIndex: 'code', width: 110 },
    { title: t('sa.indicator'), dataIndex: 'name', ellipsis: { showTitle: true } },
    { title: t('sa.fullMarks'), key: 'full', width: 70, align: 'right', render: (_, n) => fullOf(n) },
    {
      title: t('sa.selfScore'),
      key: 'self',
      width: 120,
      render: (_, n) => scoreCell('scores', n, selfEditable, selfOf),
    },
    {
      title: t('sa.note'),
      key: 'note',
      width: 220,
      render: (_, n) => {
        if (kids(n).length) return null;
        const i = leafIndex.get(n.id)!;
        if (!selfEditable) return rows.get(n.id)?.self?.note ?? '';
        return (
          <Form.Item name={['scores', i, 'note']} style={{ margin: 0 }}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              maxLength={2000}
              aria-label={`${n.code} ${t('sa.note')}`}
            />
          </Form.Item>
        );
      },
    },
    {
      title: t('sa.evidence'),
      key: 'evidence',
      width: 220,
      render: (_, n) => {
        if (kids(n).length) return null;
        const i = leafIndex.get(n.id)!;
        if (!selfEditable) return <EvidenceField value={rows.get(n.id)?.self?.fileIds ?? []} />;
        return (
          <Form.Item name={['scores', i, 'fileIds']} style={{ margin: 0 }}>
            <EvidenceField editable label={`${n.code} ${t('sa.upload')}`} />
          </Form.Item>
        );
      },
    },
    ...(showOffice
      ? [
          {
            title: t('sa.officeScore'),
            key: 'office',
            width: 120,
            render: (_: unknown, n: IndicatorNode) => scoreCell('office', n, officeEditable, officeOf),
          },
        ]
      : []),
  ];

  const actions = a && (
    <Space wrap>
      {selfEditable && (
        <>
          <Button
            loading={saveSelf.isPending}
            onClick={() =>
              void send('self').then(
                () => message.success(t('sa.saved')),
                () => undefined,
              )
            }
          >
            {t('sa.save')}
          </Button>
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() =>
              confirm(
                t('sa.submitConfirm'),
                t('sa.submit'),
                async () => {
                  await send('self');
                  await submit.mutateAsync();
                },
                t('sa.submitted'),
              )
            }
          >
            {t('sa.submit')}
          </Button>
        </>
      )}
      {officeEditable && (
        <>
          <Button
            type="primary"
            loading={saveOffice.isPending}
            onClick={() =>
              confirm(
                t('sa.acceptConfirm', { total: officeSum }),
                t('sa.accept'),
                () => send('office'),
                t('sa.accepted'),
              )
            }
          >
            {t('sa.accept')}
          </Button>
          <Button danger onClick={() => setReturning(true)}>
            {t('sa.return')}
          </Button>
        </>
      )}
      {a.reportFileId && (
        <Button icon={<DownloadOutlined />} href={`/api/v1/self-assessments/${a.id}/report.docx`}>
          {t('sa.report')}
        </Button>
      )}
      {!selfEditable && !officeEditable && !a.reportFileId && (
        <Typography.Text type="secondary">{t('sa.noActions')}</Typography.Text>
      )}
    </Space>
  );

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/self-assessments')} />
            {a?.title ?? t('sa.detail')}
          </Space>
        }
      >
        <ApiErrorAlert error={sa.error} onRetry={() => void sa.refetch()} />
        {!a && !sa.error && <Skeleton active />}
        {a && (
          <Flex vertical gap={12}>
            {a.status === 'returned' && a.returnReason && (
              <Alert type="warning" showIcon message={t('sa.returnedAlert', { reason: a.returnReason })} />
            )}
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label={t('sa.unit')}>{a.unit.name}</Descriptions.Item>
              <Descriptions.Item label={t('sa.framework')}>
                {a.framework.name}（v{a.framework.version}）
              </Descriptions.Item>
              <Descriptions.Item label={t('sa.status')}>
                <SelfAssessmentStatusTag status={a.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('sa.selfTotal')}>
                <span data-testid="sa-self-total">{a.selfTotal}</span>&nbsp;/&nbsp;{full}
              </Descriptions.Item>
              <Descriptions.Item label={t('sa.officeTotal')}>{a.officeTotal ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('sa.submittedAt')}>{formatDateTime(a.submittedAt) || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('sa.checkedAt')}>{formatDateTime(a.checkedAt) || '—'}</Descriptions.Item>
              {a.returnReason && a.status !== 'returned' && (
                <Descriptions.Item label={t('sa.lastReturn')} span={2}>
                  {a.returnReason}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Flex>
        )}
      </Card>
      {a && (
        <>
          <Card title={t('sa.actions')} size="small">
            {actions}
          </Card>
          <Card title={t('sa.indicators')} size="small">
            <ApiErrorAlert error={tree.error ?? cmp.error} onRetry={() => void tree.refetch()} />
            <Form<Values> form={form} name="sa-scores" component={false}>
              <Table<IndicatorNode>
                rowKey="id"
                size="small"
                loading={tree.isLoading || cmp.isLoading}
                dataSource={tableRows}
                columns={columns}
                pagination={false}
                expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
                key={tree.data ? 'loaded' : 'loading'}
                scroll={{ x: 1000 }}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <Typography.Text strong>{t('sa.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {full}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>
                      <Typography.Text strong data-testid="sa-sum">
                        {selfSum}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} colSpan={2} />
                    {showOffice && (
                      <Table.Summary.Cell index={6}>
                        <Typography.Text strong>{officeSum}</Typography.Text>
                      </Table.Summary.Cell>
                    )}
                  </Table.Summary.Row>
                )}
              />
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('sa.breakdown', { self: selfSum, full })}
              {showOffice && a.status === 'checked' && <>；{t('sa.officeBreakdown', { office: officeSum })}</>}
            </Typography.Paragraph>
          </Card>
          <FormModal<{ reason: string }>
            open={returning}
            title={t('sa.return')}
            name="sa-return"
            onClose={() => setReturning(false)}
            onSubmit={(v) => giveBack.mutateAsync({ reason: v.reason })}
            okText={t('sa.return')}
            danger
            successMessage={t('sa.returned')}
          >
            <Form.Item
              name="reason"
              label={t('sa.returnReason')}
              rules={[{ required: true, whitespace: true, message: t('sa.returnReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </FormModal>
        </>
      )}
    </Flex>
  );
}
