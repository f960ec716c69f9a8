import { Slug } from '@baruga/protocol';
import { createRoot } from 'react-dom/client';
import { bilingual } from './i18n';
import { PlayerApp } from './player-app';
import './styles.css';

const screenId = new URLSearchParams(window.location.search).get('screen');
const root = createRoot(document.getElementById('root') as HTMLElement);
if (screenId && Slug.safeParse(screenId).success) {
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
