import type {
  FrameworkImportResult,
  FrameworkView,
  IndicatorCreateBody,
  IndicatorMoveBody,
  IndicatorNode,
  IndicatorUpdateBody,
  NegativeItemView,
  TreeDiff,
} from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { createResource } from '../../components/resource';
import { uploadWithProgress } from './upload-with-progress';

export const frameworksResource = createResource<FrameworkView>('frameworks', 'frameworks');

/** Everything cached about frameworks shares the first key, so one invalidation refreshes lists, trees and counts. */
function useInvalidateFrameworks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['frameworks'] });
}

export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'detail', id],
    queryFn: () => api.get<FrameworkView>(`frameworks/${id}`),
    enabled: !!id,
  });
}

/** The indicator tree, nested by `children`, siblings in position order. */
export function useIndicatorTree(id: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'tree', id],
    queryFn: () => api.get<IndicatorNode[]>(`frameworks/${id}/indicators`),
    enabled: !!id,
  });
}

export function useNegativeItems(id: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'negatives', id],
    queryFn: () => api.get<NegativeItemView[]>(`frameworks/${id}/negative-items`),
    enabled: !!id,
  });
}

/** Every version of the framework's family, newest first. */
export function useVersions(id: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'versions', id],
    queryFn: () => api.get<FrameworkView[]>(`frameworks/${id}/versions`),
    enabled: !!id,
  });
}

export interface NegativeChange {
  code: string;
  name: string;
  changes: { field: string; before: unknown; after: unknown }[];
}
export interface FrameworkDiff extends TreeDiff {
  from: { id: string; version: number; name: string };
  to: { id: string; version: number; name: string };
  negatives: { added: NegativeItemView[]; removed: NegativeItemView[]; changed: NegativeChange[] };
}

/** What changed from version `against` to version `id`. */
export function useDiff(id: string | undefined, against: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'diff', id, against],
    queryFn: () => api.get<FrameworkDiff>(`frameworks/${id}/diff`, { against }),
    enabled: !!id && !!against,
  });
}

export type FrameworkAction = 'publish' | 'derive' | 'delete';

/** Publish (422 FRAMEWORK_POINTS_MISMATCH lists the nodes), derive a new draft, or delete a draft. */
export function useFrameworkAction() {
  const invalidate = useInvalidateFrameworks();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: FrameworkAction }): Promise<FrameworkView | null> => {
      if (action === 'delete') {
        await api.delete(`frameworks/${id}`);
        return null;
      }
      return api.post<FrameworkView>(`frameworks/${id}/${action}`);
    },
    onSuccess: () => invalidate(),
  });
}

export type IndicatorEdit =
  | { kind: 'create'; body: IndicatorCreateBody }
  | { kind: 'update'; nodeId: string; body: IndicatorUpdateBody }
  | { kind: 'move'; nodeId: string; body: IndicatorMoveBody }
  | { kind: 'delete'; nodeId: string };

function sendIndicatorEdit(frameworkId: string, edit: IndicatorEdit): Promise<unknown> {
  const base = `frameworks/${frameworkId}/indicators`;
  switch (edit.kind) {
    case 'create':
      return api.post(base, edit.body);
    case 'update':
      return api.patch(`${base}/${edit.nodeId}`, edit.body);
    case 'move':
      return api.post(`${base}/${edit.nodeId}/move`, edit.body);
    case 'delete':
      return api.delete(`${base}/${edit.nodeId}`);
  }
}

/** Add, edit, move or delete an indicator of a draft (a published one answers 409 FRAMEWORK_NOT_DRAFT). */
export function useIndicatorEdit(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation({
    mutationFn: (edit: IndicatorEdit) => sendIndicatorEdit(frameworkId, edit),
    // A refused edit may still mean the tree changed elsewhere (e.g. published meanwhile): reload either way.
    onSettled: () => invalidate(),
  });
}

/** A negative item as written: the code may be left for the server to number. */
export type NegativeItemBody = Omit<NegativeItemView, 'id' | 'position' | 'code'> & { code?: string };

export type NegativeEdit =
  | { kind: 'create'; body: NegativeItemBody }
  | { kind: 'update'; id: string; body: Partial<NegativeItemBody> }
  | { kind: 'delete'; id: string };

export function useNegativeEdit(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation({
    mutationFn: (edit: NegativeEdit) => {
      const base = `frameworks/${frameworkId}/negative-items`;
      if (edit.kind === 'create') return api.post(base, edit.body);
      if (edit.kind === 'update') return api.patch(`${base}/${edit.id}`, edit.body);
      return api.delete(`${base}/${edit.id}`);
    },
    onSettled: () => invalidate(),
  });
}

/** Update a draft's meta with its rowVersion (stale → 409 STALE_VERSION). */
export function useUpdateFrameworkMeta() {
  const invalidate = useInvalidateFrameworks();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api.patch<FrameworkView>(`frameworks/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export interface ImportFields {
  name?: string;
  code?: string;
}

/** Uploads a workbook (multipart `file`, optional name/code): 201 with the new draft, or 400 with `details.rows`. */
export function useImportFramework(onProgress: (percent: number) => void) {
  const invalidate = useInvalidateFrameworks();
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: ImportFields }) => {
      const form = new FormData();
      if (fields.name?.trim()) form.append('name', fields.name.trim());
      if (fields.code?.trim()) form.append('code', fields.code.trim());
      form.append('file', file);
      return uploadWithProgress<FrameworkImportResult>('frameworks/import', form, onProgress);
    },
    onSuccess: () => invalidate(),
  });
}
