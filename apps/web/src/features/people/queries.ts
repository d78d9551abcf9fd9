import type { PersonView } from '@wenming/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { createResource } from '../../components/resource';

export const peopleResource = createResource<PersonView>('people', 'people');

export interface RevealedPii {
  idCard: string | null;
  phone: string | null;
}

/** Full ID number and phone of one person; the server audits every call. */
export function useRevealPii() {
  return useMutation({ mutationFn: (id: string) => api.post<RevealedPii>(`people/${id}/reveal`) });
}
