import type { pairingKinds, pairingTargets } from '@wenming/contracts';
import { createResource } from '../../components/resource';

export interface PairingView {
  id: string;
  unitId: string;
  unitName: string | null;
  kind: (typeof pairingKinds)[number];
  targetKind: (typeof pairingTargets)[number];
  targetRef: string;
  targetName: string | null;
  regionCode: string;
  note: string | null;
}

export const pairingsResource = createResource<PairingView>('pairings', 'pairings');
