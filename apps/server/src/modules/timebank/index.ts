// The time bank's public face: routes, the deposit of confirmed hours and the order payment other modules call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { timebankBranchAdminRoutes } from './timebank-branches.routes';
import { timebankBranchRoutes, timebankRoutes } from './timebank.routes';

export { type DepositInput, depositConfirmedHours } from './timebank-transfer.service';
export { type OrderPaymentInput, payForServiceOrder } from './timebank-orders';
export { ensureVolunteerAccount, ensureResidentAccount, ensureBranchFund } from './timebank-accounts.service';
export { postJournal, balanceCenti } from './timebank-ledger';
export { statementPeriod } from './timebank.policy';
export { type JournalSource, type PaidOrderHours, journalSources, paidOrderHours } from './timebank-sources.repository';
export { moveAccountTx } from './timebank-branches.service';
export { seedDemoTimebank } from './demo/seed-timebank';

/** Time bank routes under /api/v1. */
export function timebankModuleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [timebankRoutes, timebankBranchRoutes, timebankBranchAdminRoutes])
      await app.register(routes(ctx));
  };
}
