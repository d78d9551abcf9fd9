// GeoReport v2 discovery, the service list (the tenant's problem categories) and service definitions (attributes).
import type { Open311Attribute, ProblemCategoryView } from '@wenming/contracts';
import type { AppContext } from '../../platform/context';
import { findCategories } from '../problems';
import type { Open311Caller } from './open311-caller';
import { Open311Error } from './open311-format';

/** When the Open311 interface last changed (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-22T00:00:00Z';

/** The discovery document: one production endpoint in both formats. */
export function discovery(baseUrl: string, tenantName: string) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: `${tenantName}精神文明建设指导委员会办公室（文明办）`,
    key_service: `API keys are issued by the ${tenantName} civilization office (POST /api/v1/open311/clients).`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

function toService(c: ProblemCategoryView) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description ?? '',
    metadata: c.attributes.length > 0,
    type: 'realtime',
    keywords: c.keywords ?? '',
    group: c.group ?? '',
  };
}

/** Every active category as a GeoReport service. */
export async function listServices(ctx: AppContext, caller: Open311Caller) {
  return (await findCategories(ctx.db, caller.tenantId)).map(toService);
}

function toAttribute(a: Open311Attribute) {
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatypeDescription ?? null,
    order: a.order,
    description: a.description,
    ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
  };
}

/** A category's attributes as a service definition; 404 for an unknown service_code. */
export async function serviceDefinition(ctx: AppContext, caller: Open311Caller, code: string) {
  const [c] = await findCategories(ctx.db, caller.tenantId, { codes: [code] });
  if (!c) throw new Open311Error(404, `service_code ${code} not found`);
  return { service_code: c.code, attributes: [...c.attributes].sort((a, b) => a.order - b.order).map(toAttribute) };
}
