import type { Heartbeat, ScreenDelivery, WallView } from '@baruga/protocol';
import { useLang, useT } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';
import { Data } from '../ui/feedback';

/** One frame at 60 Hz: a tile whose clock may be off by more than this can show a transition a frame late. */
export const FRAME_MS = 1000 / 60;

/** The error bound a heartbeat reports; absent from players older than the clock estimator. */
function errorBound(heartbeat: Heartbeat | null | undefined): number | null {
  if (!heartbeat || !('clockErrorMs' in heartbeat)) return null;
  return typeof heartbeat.clockErrorMs === 'number' ? heartbeat.clockErrorMs : null;
}

/**
 * Each tile's clock as its player last reported it: the offset to the controller's clock and how far that estimate
 * may be off. A bound over one frame is flagged: that tile can switch a frame apart from its neighbours.
 */
export function WallClocks({ wall, delivery }: { wall: WallView; delivery: ScreenDelivery[] }) {
  const t = useT();
  const lang = useLang();
  const ms = (value: number | null) =>
    value === null ? '–' : t('clockOffsetValue', { ms: formatNumber(value, lang, 1) });
  const rows = wall.tiles.filter((tile) => tile.screenId !== null);
  return (
    <table className="bw-clocks" aria-label={t('wallClocks')}>
      <caption>{t('wallClocks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wallTile')}</th>
          <th scope="col">{t('wallScreen')}</th>
          <th scope="col">{t('wallClockOffset')}</th>
          <th scope="col">{t('wallClockError')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((tile) => {
          const heartbeat = delivery.find((d) => d.screenId === tile.screenId)?.heartbeat;
          const bound = errorBound(heartbeat);
          const late = bound !== null && bound > FRAME_MS;
          return (
            <tr
              key={`${tile.column},${tile.row}`}
              data-tile-screen={tile.screenId ?? undefined}
              className={late ? 'bw-clocks--late' : ''}
            >
              <td>
                <Data>
                  {tile.column + 1},{tile.row + 1}
                </Data>
              </td>
              <td>
                <Data>{tile.screenId}</Data>
              </td>
              <td>{ms(heartbeat?.clockOffsetMs ?? null)}</td>
              <td>
                {ms(bound)}
                {late ? <strong className="bc-error"> {t('wallClockOverFrame')}</strong> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
