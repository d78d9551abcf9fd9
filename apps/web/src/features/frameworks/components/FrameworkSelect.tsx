import type { FrameworkView } from '@wenming/contracts';
import { useTranslation } from 'react-i18next';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { useFramework } from '../queries';

/** Picker of published frameworks (what campaigns decompose tasks from), searching GET /frameworks?q=. */
export function FrameworkSelect(props: RemoteSelectProps) {
  const { t } = useTranslation();
  const label = (f: FrameworkView) => `${f.name}（${t('framework.versionN', { version: f.version })}）`;
  // The current value may be a version the first page of options does not hold: name it from its own record.
  const current = useFramework(props.value ?? undefined);
  return (
    <RemoteSelect<FrameworkView>
      {...props}
      valueLabel={current.data ? label(current.data) : props.valueLabel}
      source={{
        queryKey: 'frameworks',
        path: 'frameworks',
        extraQuery: { status: 'published' },
        toOption: (f) => ({ value: f.id, label: label(f) }),
      }}
    />
  );
}
