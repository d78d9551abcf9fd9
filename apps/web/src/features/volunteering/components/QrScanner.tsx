import { Button, Input, NoticeBar, Space } from 'antd-mobile';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable';

/**
 * Reads the organiser's rotating code: the rear camera (`getUserMedia`) with frames decoded by jsQR,
 * or the code typed/pasted by hand when there is no camera (or it was refused).
 */
export function QrScanner({ onCode, disabled }: { onCode: (code: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef<number | null>(null);
  const [camera, setCamera] = useState<CameraState>('off');
  const [typed, setTyped] = useState('');

  const stop = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setCamera((c) => (c === 'on' || c === 'starting' ? 'off' : c));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: release the camera once, when the page goes away
  useEffect(() => stop, []);

  const scan = () => {
    const v = video.current;
    const c = canvas.current;
    if (!v || !c || !stream.current) return;
    if (v.readyState >= v.HAVE_ENOUGH_DATA && v.videoWidth > 0) {
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      const g = c.getContext('2d', { willReadFrequently: true });
      if (g) {
        g.drawImage(v, 0, 0, c.width, c.height);
        const img = g.getImageData(0, 0, c.width, c.height);
        const found = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          stop();
          onCode(found.data.trim());
          return;
        }
      }
    }
    frame.current = requestAnimationFrame(scan);
  };

  const start = async () => {
    const media = globalThis.navigator?.mediaDevices;
    if (!media?.getUserMedia) return setCamera('unavailable');
    setCamera('starting');
    try {
      stream.current = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      const v = video.current;
      if (v) {
        v.srcObject = stream.current;
        await v.play();
      }
      setCamera('on');
      frame.current = requestAnimationFrame(scan);
    } catch (err) {
      stop();
      setCamera((err as Error)?.name === 'NotAllowedError' ? 'denied' : 'unavailable');
    }
  };

  const submitTyped = () => {
    const code = typed.trim();
    if (!code) return;
    setTyped('');
    onCode(code);
  };

  return (
    <div style={{ padding: 12 }}>
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('mvol.scan.camera')}
        style={{ width: '100%', maxHeight: 320, background: '#000', display: camera === 'on' ? 'block' : 'none' }}
      />
      <canvas ref={canvas} style={{ display: 'none' }} />
      {camera === 'denied' && <NoticeBar color="alert" content={t('mvol.scan.denied')} wrap />}
      {camera === 'unavailable' && <NoticeBar color="alert" content={t('mvol.scan.unavailable')} wrap />}
      <Space direction="vertical" block style={{ '--gap': '12px' } as React.CSSProperties}>
        {camera === 'on' || camera === 'starting' ? (
          <Button block onClick={stop}>
            {t('mvol.scan.stop')}
          </Button>
        ) : (
          <Button block color="primary" disabled={disabled} onClick={() => void start()}>
            {t('mvol.scan.start')}
          </Button>
        )}
        <div style={{ color: '#666', fontSize: 13 }}>{t('mvol.scan.fallbackHint')}</div>
        <Input
          aria-label={t('mvol.scan.codeLabel')}
          placeholder={t('mvol.scan.codePlaceholder')}
          value={typed}
          onChange={setTyped}
          onEnterPress={submitTyped}
          clearable
          style={{ background: '#fff', padding: '8px 12px', borderRadius: 4 }}
        />
        <Button block fill="outline" color="primary" disabled={disabled || !typed.trim()} onClick={submitTyped}>
          {t('mvol.scan.submitCode')}
        </Button>
      </Space>
    </div>
  );
}
