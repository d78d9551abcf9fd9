// Error codes of the evaluations module
import { defineErrors } from './errors';

export const evaluationsErrors = defineErrors({
  BULLETIN_ALREADY_SUPERSEDED: {
    status: 409,
    message: [
      '该通报已被更正，请更正最新一期',
      '該通報已被更正，請更正最新一期',
      'This bulletin was already corrected; correct the latest one',
    ],
  },
  BULLETIN_NOT_FOUND: { status: 404, message: ['通报不存在', '通報不存在', 'Bulletin not found'] },
  EVALUATION_NOT_DONE: {
    status: 409,
    message: ['考评尚未完成计算，不能发布通报', '考評尚未完成計算，不能發布通報', 'The evaluation is not done yet'],
  },
  EVALUATION_NOT_FOUND: {
    status: 404,
    message: [
      '测评不存在或无权查看',
      '測評不存在或無權查看',
      'This evaluation does not exist or is not visible to you',
    ],
  },
  EVALUATION_SUBJECT_NOT_FOUND: {
    status: 404,
    message: [
      '测评对象不存在或无权查看',
      '測評對象不存在或無權查看',
      'This evaluation subject does not exist or is not visible to you',
    ],
  },
});
