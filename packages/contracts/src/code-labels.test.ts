// Every code of every listed family has a label in all three languages; a new status without one fails here.
import { describe, expect, it } from 'vitest';
import { activityStatuses, hoursStatuses, signupStatuses } from './activities';
import { campaignKinds, noticeKinds, selfAssessmentStatuses, taskActions, taskCadences, taskStates } from './campaigns';
import { auditActionLabel, codeLabels, findAuditActionLabel, findCodeLabel } from './code-labels';
import { evaluationStates } from './evaluations';
import { frameworkStatuses } from './frameworks';
import { inspectionPlanKinds, inspectionPlanStatuses } from './inspections';
import { questionnaireStatuses, surveyQuestionKinds, surveyQuestionScales } from './inspections-survey';
import { jobStatuses } from './jobs';
import { orderActions, orderKinds, orderStatuses, orderUrgencies } from './orders-machine';
import { pairingKinds, pairingTargets, pointTypes, regionLevels, siteKinds, unitTypes } from './org';
import { roleCodes, scopeKinds } from './permissions';
import {
  candidateStates,
  nominationSources,
  objectionStatuses,
  selectionCategories,
  selectionKinds,
  selectionStageActions,
  selectionStages,
  voteRules,
} from './selections-machine';
import { problemActions, problemSeverities, problemSources, problemStatuses } from './problems-machine';
import { timebankAccountKinds, timebankBranchKinds, timebankJournalKinds } from './timebank-rules';
import { memberStatuses, teamLevels, volunteerStatuses } from './volunteers';
import { bookingActions, bookingKinds, bookingStatuses, venueKinds } from './venues';
import { newsActions, newsKinds, newsStatuses } from './news';
import { workbenchChartKeys, workbenchFigureKeys, workbenchItemKinds, workbenchTodoKeys } from './workbench';

/** Each family's label prefix and the code list it labels. */
export const labelledFamilies: [string, readonly string[]][] = [
  ['role', roleCodes],
  ['scopeKind', scopeKinds],
  ['unitType', unitTypes],
  ['siteKind', siteKinds],
  ['regionLevel', regionLevels],
  ['pairingKind', pairingKinds],
  ['pairingTarget', pairingTargets],
  ['pointType', pointTypes],
  ['jobStatus', jobStatuses],
  ['problemStatus', problemStatuses],
  ['problemAction', problemActions],
  ['problemSeverity', problemSeverities],
  ['problemSource', problemSources],
  ['taskState', taskStates],
  ['taskAction', taskActions],
  ['taskCadence', taskCadences],
  ['campaignKind', campaignKinds],
  ['noticeKind', noticeKinds],
  ['planStatus', inspectionPlanStatuses],
  ['planKind', inspectionPlanKinds],
  ['frameworkStatus', frameworkStatuses],
  ['selfAssessmentStatus', selfAssessmentStatuses],
  ['evaluationState', evaluationStates],
  ['orderStatus', orderStatuses],
  ['orderAction', orderActions],
  ['orderUrgency', orderUrgencies],
  ['orderKind', orderKinds],
  ['actStatus', activityStatuses],
  ['signupStatus', signupStatuses],
  ['hoursStatus', hoursStatuses],
  ['tbAccountKind', timebankAccountKinds],
  ['tbJournalKind', timebankJournalKinds],
  ['tbBranchKind', timebankBranchKinds],
  ['volStatus', volunteerStatuses],
  ['teamLevel', teamLevels],
  ['memberStatus', memberStatuses],
  ['wbTodo', workbenchTodoKeys],
  ['wbKind', workbenchItemKinds],
  ['wbFigure', workbenchFigureKeys],
  ['wbChart', workbenchChartKeys],
  ['questionnaireStatus', questionnaireStatuses],
  ['surveyKind', surveyQuestionKinds],
  ['surveyScale', surveyQuestionScales],
  ['selectionKind', selectionKinds],
  ['selectionCategory', selectionCategories],
  ['selectionStage', selectionStages],
  ['selectionAction', selectionStageActions],
  ['candidateState', candidateStates],
  ['nominationSource', nominationSources],
  ['voteRule', voteRules],
  ['objectionStatus', objectionStatuses],
  ['venueKind', venueKinds],
  ['bookingKind', bookingKinds],
  ['bookingStatus', bookingStatuses],
  ['bookingAction', bookingActions],
  ['newsKind', newsKinds],
  ['newsStatus', newsStatuses],
  ['newsAction', newsActions],
];

describe('code labels', () => {
  it('labels every code of every family in zh-CN, zh-TW and en', () => {
    const missing: string[] = [];
    for (const [family, codes] of labelledFamilies)
      for (const code of codes) {
        const label = codeLabels[`${family}.${code}`];
        if (label?.length !== 3 || label.some((l) => !l.trim())) missing.push(`${family}.${code}`);
      }
    expect(missing).toEqual([]);
  });

  it('finds labels by family and language', () => {
    expect(findCodeLabel('problemStatus', 'submitted')).toBe('待验收');
    expect(findCodeLabel('problemStatus', 'submitted', 'zh-TW')).toBe('待驗收');
    expect(findCodeLabel('role', 'office_admin', 'en')).toBe('Civilization office admin');
    expect(findCodeLabel('problemStatus', 'lost')).toBeNull();
  });

  it('reads audit actions as object and verb, and keeps an unknown code visible', () => {
    expect(auditActionLabel('problem.verify')).toBe('问题 · 验收通过');
    expect(auditActionLabel('inspection_plan.sample', 'en')).toBe('Inspection plan · sampled');
    expect(auditActionLabel('auth.login')).toBe('登录认证 · 登录');
    expect(findAuditActionLabel('spaceship.launch')).toBeNull();
    expect(auditActionLabel('spaceship.launch')).toBe('spaceship.launch');
  });
});
