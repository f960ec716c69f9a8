import type { Manifest, PreviewRequest } from '@baruga/protocol';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { ErrorNote, Loading } from '../ui/feedback';
import './preview.css';

/** The messages of the player's preview mode (player/src/browser/preview-app.tsx); same origin only. */
const PREVIEW_READY = 'baruga-preview-ready';
const PREVIEW_MANIFEST = 'baruga-preview-manifest';
/** Typing pauses this long before the preview is compiled again. */
const SETTLE_MS = 400;

/**
 * What a playlist, layout or announcement would look like on a screen, drawn by the real player renderer in a
 * frame (`/player/?preview=1`), not a look-alike: the controller compiles the manifest exactly as it would
 * publish it (renditions included) and the frame plays it. A preview connects to no broker and records no play.
 */
export function PlayerPreview({ request, width = 480 }: { request: PreviewRequest | null; width?: number }) {
  const t = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [ready, setReady] = useState(false);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      api.previewManifest(JSON.parse(key) as PreviewRequest).then(
        (m) => {
          if (!live) return;
          setManifest(m);
          setFailure(null);
        },
        (error: unknown) => live && setFailure(error),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if ((event.data as { type?: unknown } | null)?.type === PREVIEW_READY) setReady(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (ready && manifest) {
      frame.current?.contentWindow?.postMessage({ type: PREVIEW_MANIFEST, manifest }, window.location.origin);
    }
  }, [ready, manifest]);

  const w = manifest?.screen.width ?? 1920;
  const h = manifest?.screen.height ?? 1080;
  const scale = width / w;
  return (
    <figure className="bc-preview" data-testid="player-preview">
      <div className="bc-preview__frame" style={{ width, height: Math.round(h * scale) }}>
        <iframe
          ref={frame}
          title={t('previewTitle')}
          src="/player/?preview=1"
          width={w}
          height={h}
          style={{ transform: `scale(${scale})` }}
          tabIndex={-1}
        />
        {!request ? (
          <div className="bc-preview__cover">
            <p className="bc-muted">{t('previewEmpty')}</p>
          </div>
        ) : !manifest && !failure ? (
          <div className="bc-preview__cover">
            <Loading label={t('previewLoading')} />
          </div>
        ) : null}
      </div>
      <figcaption className="bc-muted">{t('previewNote')}</figcaption>
      {failure ? <ErrorNote error={failure} /> : null}
    </figure>
  );
}
