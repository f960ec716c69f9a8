import type { ScreenInfo } from '@baruga/protocol';
import { type StringKey, bilingual } from '../i18n';
import type { DeliveryView } from './delivery-view';
import './delivery.css';

function Bilingual({ text }: { text: StringKey }) {
  const t = bilingual(text);
  return (
    <>
      <div lang="id">{t.id}</div>
      <small lang="en">{t.en}</small>
    </>
  );
}

/**
 * What delivery puts over the content: a blackout (pure black, above everything), the screen's name when an
 * operator asks it to identify itself, and problems that need a person. A stale manifest is shown only
 * in the identify panel: the public never sees it, operators do.
 */
export function DeliveryOverlay({
  view,
  screen,
  version,
}: {
  view: DeliveryView;
  screen: ScreenInfo | null;
  version: number | null;
}) {
  if (view.blackout) return <div className="bg-blackout" data-testid="blackout" />;
  return (
    <>
      {view.identify ? (
        <div className="bg-identify" data-testid="identify" role="status">
          <div className="bg-identify__name">{screen?.name ?? ''}</div>
          <div className="bg-identify__meta">
            {screen?.id} · {screen ? `${screen.width}×${screen.height}` : ''} · {bilingual('version').id}{' '}
            {version ?? '–'}
          </div>
          {view.stale ? (
            <div className="bg-identify__stale">
              {bilingual('stale').id} · {bilingual('stale').en}
            </div>
          ) : null}
        </div>
      ) : null}
      {view.problem && view.problem !== 'unknownScreen' ? (
        <div className="bg-problem" data-testid="delivery-problem" data-problem={view.problem} role="alert">
          <Bilingual text={view.problem} />
        </div>
      ) : null}
    </>
  );
}
