import type { UnitView } from '@wenming/contracts';
import { createResource } from '../../components/resource';

export const unitsResource = createResource<UnitView>('units', 'units');
