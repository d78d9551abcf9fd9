import type { SiteView } from '@wenming/contracts';
import type { FormInstance } from 'antd';
import { Form } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useCurrentUser } from '../auth/queries';

/** The practice site a station account works for (its first role scoped to a site), if any. */
export function useOwnSite(): { id: string; name: string } | undefined {
  const user = useCurrentUser();
  const role = user.roles.find((r) => r.scope.kind === 'site' && r.scope.ref);
  return role ? { id: role.scope.ref as string, name: role.scopeName ?? '' } : undefined;
}

/**
 * When the form's `siteId` changes, fills the fields still empty from that site (a station sees no region list,
 * so its records take the site's region).
 */
export function useFillFromSite<V>(form: FormInstance<V>, fill: (site: SiteView, current: V) => Partial<V>) {
  const siteId = Form.useWatch('siteId' as never, form) as string | undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `fill` is a new function each render; the site decides
  useEffect(() => {
    if (!siteId) return;
    let live = true;
    void api.get<SiteView>(`sites/${siteId}`).then((site) => {
      if (live) form.setFieldsValue(fill(site, form.getFieldsValue()) as never);
    });
    return () => {
      live = false;
    };
  }, [siteId, form]);
}
