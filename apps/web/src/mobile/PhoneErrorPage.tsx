// The phone's error pages: whatever fails to load or render under /m/ ends here, in the UI language, with a way on
// (reload, or home) — never the router's developer message or the browser's offline page.
import { Button, ErrorBlock, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { MobileShell } from './MobileShell';

type Kind = 'offline' | 'update' | 'notFound' | 'crash';

function kindOf(error: unknown): Kind {
  if (isRouteErrorResponse(error) && error.status === 404) return 'notFound';
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  // A code-split chunk that could not be fetched: offline before this page was ever cached, or a new build.
  if (/dynamically imported module|Importing a module script failed|ChunkLoadError|Failed to fetch/i.test(text))
    return globalThis.navigator?.onLine === false ? 'offline' : 'update';
  return 'crash';
}

function ErrorView({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  return (
    <MobileShell>
      <div role="alert" style={{ paddingTop: 48 }}>
        <ErrorBlock
          status={kind === 'notFound' ? 'empty' : kind === 'offline' ? 'disconnected' : 'default'}
          title={t(`phoneError.${kind}.title`)}
          description={t(`phoneError.${kind}.text`)}
        />
      </div>
      <Space direction="vertical" block style={{ padding: 16 }}>
        {kind !== 'notFound' && (
          <Button block color="primary" onClick={() => window.location.reload()}>
            {t('phoneError.reload')}
          </Button>
        )}
        <Button block onClick={() => window.location.assign('/m')}>
          {t('phoneError.home')}
        </Button>
      </Space>
    </MobileShell>
  );
}

/** The router's error element for every phone route. */
export function PhoneErrorPage() {
  return <ErrorView kind={kindOf(useRouteError())} />;
}

export function PhoneNotFound() {
  return <ErrorView kind="notFound" />;
}
