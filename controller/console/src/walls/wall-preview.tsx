import type { WallView } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';

/**
 * The whole wall as its players draw it: the player page's wall preview (the real renderer, playing each tile's
 * published manifest, with no broker connection and no proof of play), scaled down, tiles and bezels outlined.
 */
export function WallPreview({ wall, width = 560 }: { wall: WallView; width?: number }) {
  const t = useT();
  const height = Math.round((wall.canvas.height / wall.canvas.width) * width);
  return (
    <figure className="bw-preview">
      <iframe
        title={t('wallPreviewOf', { name: wall.name })}
        src={`/player/?wall=${encodeURIComponent(wall.id)}&preview=1`}
        width={width}
        height={height}
      />
      <figcaption className="bc-muted">{t('wallPreview')}</figcaption>
    </figure>
  );
}
