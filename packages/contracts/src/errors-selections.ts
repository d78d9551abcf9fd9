// Error codes of the selections module (评选): stages, nominations, votes and objections.
import { defineErrors } from './errors';

export const selectionErrors = defineErrors({
  SELECTION_CAMPAIGN_NOT_FOUND: {
    status: 404,
    message: ['评选活动不存在', '評選活動不存在', 'No such selection campaign'],
  },
  SELECTION_CANDIDATE_NOT_FOUND: {
    status: 404,
    message: ['候选人不存在', '候選人不存在', 'No such candidate'],
  },
  SELECTION_OBJECTION_NOT_FOUND: {
    status: 404,
    message: ['异议不存在', '異議不存在', 'No such objection'],
  },
  SELECTION_STAGE_NOT_ALLOWED: {
    status: 409,
    message: [
      '评选活动当前阶段不能进行此操作',
      '評選活動目前階段不能進行此操作',
      'The campaign is not in a stage where this step can be taken',
    ],
  },
  SELECTION_NOMINATION_CLOSED: {
    status: 409,
    message: ['不在提名期内，不能提名', '不在提名期內，不能提名', 'Nominations are not open'],
  },
  SELECTION_DUPLICATE_NOMINATION: {
    status: 409,
    message: [
      '此人已在本次评选中被提名',
      '此人已在本次評選中被提名',
      'This person is already nominated in this campaign',
    ],
  },
  SELECTION_CHECK_NOT_OPEN: {
    status: 409,
    message: [
      '资格审查只能在提名或审查阶段进行',
      '資格審查只能在提名或審查階段進行',
      'Eligibility is checked only while nominating or checking',
    ],
  },
  SELECTION_CANDIDATE_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: [
      '候选人当前状态不能进行此操作',
      '候選人目前狀態不能進行此操作',
      'The candidate is not in a state where this step can be taken',
    ],
  },
  SELECTION_VOTING_CLOSED: {
    status: 409,
    message: ['不在投票期内，不能投票', '不在投票期內，不能投票', 'Voting is not open'],
  },
  SELECTION_ALREADY_VOTED: {
    status: 409,
    message: [
      '您今天已为该候选人投过票',
      '您今天已為該候選人投過票',
      'You have already voted for this candidate (today)',
    ],
  },
  SELECTION_CANDIDATE_NOT_VOTABLE: {
    status: 409,
    message: ['该候选人不在投票名单中', '該候選人不在投票名單中', 'This candidate is not on the ballot'],
  },
  SELECTION_VOTER_NOT_VERIFIED: {
    status: 403,
    message: [
      '投票需使用已绑定手机号的实名账号',
      '投票需使用已綁定手機號碼的實名帳號',
      'Voting needs an account bound to a verified phone',
    ],
  },
  SELECTION_PUBLICITY_CLOSED: {
    status: 409,
    message: ['不在公示期内，不能提出异议', '不在公示期內，不能提出異議', 'Objections are taken only during 公示'],
  },
  SELECTION_PUBLICITY_NOT_OVER: {
    status: 409,
    message: ['公示期未满，不能命名', '公示期未滿，不能命名', 'The publicity period has not ended yet'],
  },
  SELECTION_OBJECTIONS_OPEN: {
    status: 409,
    message: ['尚有未答复的异议，不能命名', '尚有未答覆的異議，不能命名', 'Objections are still waiting for an answer'],
  },
  SELECTION_OBJECTION_ANSWERED: {
    status: 409,
    message: ['该异议已答复', '該異議已答覆', 'This objection is already answered'],
  },
});
