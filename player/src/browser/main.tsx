import './strict-csp';
import { Slug } from '@baruga/protocol';
import { createRoot } from 'react-dom/client';
import { EnrollmentApp } from './delivery/enrollment-app';
import { bilingual } from './i18n';
import { parseSpanQuery } from '../common/host-contract';
import { PlayerApp } from './player-app';
import { PreviewApp } from './preview-app';
import { SpanApp } from './span-app';
import { WallPreviewApp } from './preview/wall-preview-app';
import './styles.css';

const params = new URLSearchParams(window.location.search);
// The console's preview (preview-app.tsx) plays what it is handed: no cache, no broker, no proof of play.
const preview = params.get('preview') === '1';

// Offline first: the Service Worker caches the app and answers for it when the controller is gone.
if (!preview && 'serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('./sw.js', { type: 'module', scope: './' }).catch(() => undefined);
}

const screenId = params.get('screen');
const span = params.get('span');
const wallPreview = preview ? params.get('wall') : null;
const root = createRoot(document.getElementById('root') as HTMLElement);
const spanned = span === null ? null : parseSpanQuery(span);
if (wallPreview !== null && Slug.safeParse(wallPreview).success) {
  // The console's whole-wall preview: every tile's manifest, played by this renderer, no session of its own.
  root.render(<WallPreviewApp wallId={wallPreview} />);
} else if (preview) {
  root.render(<PreviewApp />);
} else if (spanned) {
  // One window across several outputs: each screen at its output's offset (host contract, hostWindows).
  root.render(<SpanApp screens={spanned} />);
} else if (screenId === null && span === null && params.get('wall') === null) {
  // Without a screen: enrollment (a pairing code, then the screens the operator assigns).
  root.render(<EnrollmentApp />);
} else if (screenId !== null && Slug.safeParse(screenId).success) {
  root.render(<PlayerApp screenId={screenId} />);
} else {
  const text = bilingual('noScreen');
  root.render(
    <div className="bg-message">
      <div>{text.id}</div>
      <small>{text.en}</small>
    </div>,
  );
}
