import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import type { QuestionnaireView } from '@wenming/contracts';
import { Alert, App, Button, Card, Flex, Input, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicSurveyUrl } from '../queries';

/** The link residents open without signing in, to copy, and its QR code to print or show. */
export function PublicLinkCard({ q }: { q: QuestionnaireView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const url = q.isPublic && q.publicToken ? publicSurveyUrl(q.publicToken) : null;
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    if (!url) return setSvg(null);
    let live = true;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard refused (plain http, old browser): the link stays selected in the box to copy by hand.
      (document.getElementById('qn-public-link') as HTMLInputElement | null)?.select();
      return;
    }
    message.success(t('qn.copied'));
  };

  const download = () => {
    if (!svg) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    a.download = `${q.title}.svg`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <Card title={t('qn.link')} size="small">
      {!url ? (
        <Typography.Text type="secondary">{t('qn.notPublic')}</Typography.Text>
      ) : (
        <Flex gap={24} wrap align="flex-start">
          <Space direction="vertical" style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text type="secondary">{t('qn.linkHint')}</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Input id="qn-public-link" readOnly value={url} aria-label={t('qn.link')} />
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                {t('qn.copy')}
              </Button>
            </Space.Compact>
            {q.status !== 'open' && <Alert type="warning" showIcon title={t('qn.closedNote')} />}
          </Space>
          {svg && (
            <Space direction="vertical" align="center">
              <div
                role="img"
                aria-label={t('qn.qr')}
                data-url={url}
                style={{ width: 180, height: 180 }}
                // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is drawn here by the qrcode package
                dangerouslySetInnerHTML={{ __html: svg.replace('<svg', '<svg width="100%" height="100%"') }}
              />
              <Button size="small" icon={<DownloadOutlined />} onClick={download}>
                {t('qn.downloadQr')}
              </Button>
            </Space>
          )}
        </Flex>
      )}
    </Card>
  );
}
