import type { FrameworkView } from '@wenming/contracts';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';

/** Framework picker searching GET /frameworks?q= (published ones when `published`). */
export function FrameworkSelect({ published, ...props }: RemoteSelectProps & { published?: boolean }) {
  return (
    <RemoteSelect<FrameworkView>
      {...props}
      source={{
        queryKey: published ? 'frameworks-published' : 'frameworks',
        path: 'frameworks',
        ...(published ? { extraQuery: { status: 'published' } } : {}),
        toOption: (f) => ({ value: f.id, label: `${f.name}（v${f.version}）` }),
      }}
    />
  );
}
