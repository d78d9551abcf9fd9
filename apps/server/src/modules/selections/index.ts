// The selections module's public face (先进典型评选, SPEC 4.10): routes, photo attachments and demo data.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { campaignVisible, officeView as officeViewOf } from './selection.policy';
import { selectionRoutes } from './selection.routes';

export { seedDemoSelections } from './demo/seed-selections';

/** Selections under /api/v1; nomination photos are files attached to candidates. */
export function selectionsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  ctx.files.registerAttachment({
    name: 'selection_photo',
    attached: (tenantId, fileId) => sql`EXISTS (SELECT 1 FROM selection_candidate cd
      WHERE cd.tenant_id = ${tenantId} AND cd.photo_file_ids @> ARRAY[${fileId}])`,
    visible: (actor, fileId) => sql`EXISTS (SELECT 1 FROM selection_candidate cd
      JOIN selection_campaign sc ON sc.tenant_id = cd.tenant_id AND sc.id = cd.campaign_id
      WHERE cd.tenant_id = ${actor.tenantId} AND cd.photo_file_ids @> ARRAY[${fileId}]
        AND (cd.nominator_account_id = ${actor.accountId} OR (${safeVisible(actor)}
          AND (${officeViewOf(actor)} OR cd.state IN ('eligible', 'publicized', 'named')))))`,
  });
  return async (app) => {
    await app.register(selectionRoutes(ctx));
  };
}

/** campaignVisible, as false for an actor with no selection permission (a file check must not throw). */
function safeVisible(actor: Parameters<typeof campaignVisible>[0]) {
  try {
    return campaignVisible(actor);
  } catch {
    return sql`false`;
  }
}
