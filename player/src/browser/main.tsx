import './strict-csp';
import { Slug } from '@baruga/protocol';
import { createRoot } from 'react-dom/client';
import { EnrollmentApp } from './delivery/enrollment-app';
import { bilingual } from './i18n';
import { PlayerApp } from './player-app';
import './styles.css';

// Offline first: the Service Worker caches the app and answers for it when the controller is gone.
if ('serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('./sw.js', { type: 'module', scope: './' }).catch(() => undefined);
}

const screenId = new URLSearchParams(window.location.search).get('screen');
const root = createRoot(document.getElementById('root') as HTMLElement);
if (screenId === null) {
  // Without a screen: enrollment (a pairing code, then the screens the operator assigns).
  root.render(<EnrollmentApp />);
} else if (Slug.safeParse(screenId).success) {
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
