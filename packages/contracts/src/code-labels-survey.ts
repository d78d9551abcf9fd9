// Labels of the codes of questionnaires (问卷调查): states, question kinds and scales, and answers.
import type { LabelDict } from './code-labels-types';

export const surveyCodeLabels: LabelDict = {
  'questionnaireStatus.open': ['收集中', '收集中', 'Open'],
  'questionnaireStatus.closed': ['已结束', '已結束', 'Closed'],
  'surveyKind.awareness': ['知晓率', '知曉率', 'Awareness'],
  'surveyKind.satisfaction': ['满意率', '滿意率', 'Satisfaction'],
  'surveyScale.knows': ['知道 / 不知道', '知道 / 不知道', 'Know / do not know'],
  'surveyScale.yes_no': ['满意 / 不满意', '滿意 / 不滿意', 'Satisfied / not satisfied'],
  'surveyScale.five_level': ['五级满意度', '五級滿意度', 'Five-level satisfaction'],
  'surveyAnswer.knows': ['知道', '知道', 'I know'],
  'surveyAnswer.not_knows': ['不知道', '不知道', 'I do not know'],
  'surveyAnswer.yes': ['满意', '滿意', 'Satisfied'],
  'surveyAnswer.no': ['不满意', '不滿意', 'Not satisfied'],
  'surveyAnswer.very_satisfied': ['满意', '滿意', 'Very satisfied'],
  'surveyAnswer.satisfied': ['比较满意', '比較滿意', 'Satisfied'],
  'surveyAnswer.neutral': ['一般', '一般', 'Neutral'],
  'surveyAnswer.dissatisfied': ['不满意', '不滿意', 'Dissatisfied'],
  'surveyAnswer.very_dissatisfied': ['很不满意', '很不滿意', 'Very dissatisfied'],
};
