import type { CanvasSize, TileGeometry } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';

/**
 * Marks an SVG element's text as data, as `<Data>` does in HTML (React's SVG types leave out the global `translate`
 * attribute, which the browser and the console's text checks read on any element).
 */
const DATA = { translate: 'no' };

/**
 * The wall as the controller computes it, to scale: the canvas, each tile's viewport (its screen and mounting), and
 * the seams between them, which is the part of the picture the bezels hide. Drawn from the same geometry function
 * the controller uses, so it changes as the operator types.
 */
export function WallSketch({
  canvas,
  tiles,
  width = 560,
}: {
  canvas: CanvasSize;
  tiles: TileGeometry[];
  width?: number;
}) {
  const t = useT();
  const scale = width / canvas.width;
  const height = Math.max(1, Math.round(canvas.height * scale));
  return (
    <figure className="bw-sketch">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${canvas.width} ${canvas.height}`}
        role="img"
        aria-label={t('wallCanvas', { width: canvas.width, height: canvas.height })}
      >
        {/* Whatever no viewport covers lies behind a bezel. */}
        <rect className="bw-sketch__bezel" x={0} y={0} width={canvas.width} height={canvas.height} />
        {tiles.map((tile) => (
          <g key={`${tile.column},${tile.row}`} data-tile={`${tile.column},${tile.row}`}>
            <rect
              className={tile.screenId ? 'bw-sketch__tile' : 'bw-sketch__tile bw-sketch__tile--empty'}
              x={tile.viewport.x}
              y={tile.viewport.y}
              width={tile.viewport.width}
              height={tile.viewport.height}
            />
            <text
              x={tile.viewport.x + tile.viewport.width / 2}
              y={tile.viewport.y + tile.viewport.height / 2}
              fontSize={Math.min(tile.viewport.width, tile.viewport.height) / 7}
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {tile.screenId === null ? t('wallNoScreen') : <tspan {...DATA}>{tile.screenId}</tspan>}
              {tile.rotation ? <tspan {...DATA}> ↻{tile.rotation}°</tspan> : null}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="bc-muted">{t('wallCanvas', { width: canvas.width, height: canvas.height })}</figcaption>
    </figure>
  );
}
