// The evaluations module's public face: routes, the computation job, and the functions other parts
// (bulletins, big screen, public pages) call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { evaluationRoutes } from './evaluation.routes';
import { bulletinRoutes } from './bulletin.routes';

export { registerEvaluationJobs, computeEvaluation } from './evaluation-compute';
export { createEvaluation, EVALUATION_JOB } from './evaluation-create.service';
export {
  getEvaluation,
  listEvaluations,
  listEvaluationResults,
  listAllEvaluationResults,
} from './evaluation-read.service';
export { listDeductions, subjectDetail, indicatorPoints, pointInspections } from './evaluation-drill.service';
export { evaluationTrend } from './evaluation-trend.service';
export { exportDeductions } from './evaluation-export';
export { seedDemoEvaluations } from './demo/seed-evaluations';
export { publishBulletin } from './bulletin.service';

/** Evaluation routes under /api/v1. */
export function evaluationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(evaluationRoutes(ctx));
    await app.register(bulletinRoutes(ctx));
  };
}
