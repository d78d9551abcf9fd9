// 评选投票: the campaigns in their voting week and their candidates, with live counts; a verified resident casts
// one vote per candidate per day (the server refuses a second one with a message saying so).
import type { CandidateView, SelectionCampaignView } from '@wenming/contracts';
import { Button, ErrorBlock, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useCandidates, useSelectionCampaigns } from '../../features/selections/queries';
import { MobileShell } from '../MobileShell';

function Ballot({ campaign }: { campaign: SelectionCampaignView }) {
  const { t } = useTranslation();
  const candidates = useCandidates(campaign.id);
  const queryClient = useQueryClient();
  const vote = useMutation({
    mutationFn: (c: CandidateView) => api.post(`selection-candidates/${c.id}/votes`, {}),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('mvote.done') });
      void queryClient.invalidateQueries({ queryKey: ['selections'] });
    },
    onError: (err: Error) => Toast.show({ icon: 'fail', content: err.message }),
  });
  const items = (candidates.data?.items ?? []).filter((c) => c.state === 'eligible');
  return (
    <List header={`${campaign.name}（${campaign.votingStart} ~ ${campaign.votingEnd}）`} aria-label={campaign.name}>
      {candidates.isPending && <Skeleton.Paragraph lineCount={4} animated />}
      {items.map((c) => (
        <List.Item
          key={c.id}
          description={<div style={{ whiteSpace: 'normal' }}>{c.story}</div>}
          extra={
            <Button
              size="small"
              color="primary"
              loading={vote.isPending && vote.variables?.id === c.id}
              onClick={() => vote.mutate(c)}
            >
              {t('mvote.vote')}
            </Button>
          }
        >
          <span>
            {c.name}{' '}
            <Tag color="danger" fill="outline">
              {t(`selectionCategory.${c.category}`)}
            </Tag>{' '}
            <span style={{ color: '#888', fontSize: 13 }}>{t('mvote.votes', { votes: c.votes })}</span>
          </span>
        </List.Item>
      ))}
    </List>
  );
}

export function SelectionVotePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useSelectionCampaigns({ stage: 'voting', pageSize: 20 });
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('mvote.title')}</NavBar>
      {list.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {list.isError && <ErrorBlock status="default" title={t('common.error')} description={list.error.message} />}
      {list.isSuccess && list.data.items.length === 0 && (
        <ErrorBlock status="empty" title={t('mvote.empty')} description="" />
      )}
      {list.data?.items.map((c) => (
        <Ballot key={c.id} campaign={c} />
      ))}
    </MobileShell>
  );
}
