import { type PointerEvent, useRef, useState } from 'react';
import { useT } from '../i18n/catalogue';
import { type Canvas, type Rect, drawn, movedBy, resizedBy } from './geometry';

export interface CanvasZone {
  key: string;
  rect: Rect;
}

type Gesture =
  | { kind: 'draw'; from: { x: number; y: number }; to: { x: number; y: number } }
  | { kind: 'move' | 'resize'; key: string; from: { x: number; y: number }; start: Rect; now: Rect };

/**
 * The layout's canvas at the target screen's proportions: drag on it to draw a zone, drag a zone to move it, drag
 * its corner to resize it; everything snaps to the grid (geometry.ts). Zones are buttons, so the keyboard selects
 * them too (and the zone's fields then move it by the pixel).
 */
export function ZoneCanvas({
  canvas,
  background,
  zones,
  selected,
  onSelect,
  onAdd,
  onChange,
  displayWidth = 640,
}: {
  canvas: Canvas;
  background: string;
  zones: readonly CanvasZone[];
  selected: string | null;
  onSelect: (key: string) => void;
  onAdd: (rect: Rect) => void;
  onChange: (key: string, rect: Rect) => void;
  displayWidth?: number;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const scale = displayWidth / canvas.width;
  const at = (e: PointerEvent) => {
    const r = box.current?.getBoundingClientRect();
    return { x: (e.clientX - (r?.left ?? 0)) / scale, y: (e.clientY - (r?.top ?? 0)) / scale };
  };
  const start = (e: PointerEvent, next: Gesture) => {
    e.preventDefault();
    e.stopPropagation();
    box.current?.setPointerCapture(e.pointerId);
    setGesture(next);
  };
  const move = (e: PointerEvent) => {
    if (!gesture) return;
    const p = at(e);
    if (gesture.kind === 'draw') return setGesture({ ...gesture, to: p });
    const dx = p.x - gesture.from.x;
    const dy = p.y - gesture.from.y;
    const now =
      gesture.kind === 'move' ? movedBy(gesture.start, dx, dy, canvas) : resizedBy(gesture.start, dx, dy, canvas);
    setGesture({ ...gesture, now });
  };
  const end = () => {
    if (!gesture) return;
    if (gesture.kind === 'draw') {
      const rect = drawn(gesture.from, gesture.to, canvas);
      if (rect) onAdd(rect);
    } else onChange(gesture.key, gesture.now);
    setGesture(null);
  };
  const shown = (z: CanvasZone) => (gesture && gesture.kind !== 'draw' && gesture.key === z.key ? gesture.now : z.rect);
  const sketch = gesture?.kind === 'draw' ? drawn(gesture.from, gesture.to, canvas) : null;
  const px = (r: Rect) => ({ left: r.x * scale, top: r.y * scale, width: r.width * scale, height: r.height * scale });

  return (
    <div
      ref={box}
      className="bc-canvas"
      data-testid="zone-canvas"
      role="group"
      aria-label={t('canvasLabel', { width: canvas.width, height: canvas.height })}
      style={{ width: displayWidth, height: canvas.height * scale, background }}
      onPointerDown={(e) => start(e, { kind: 'draw', from: at(e), to: at(e) })}
      onPointerMove={move}
      onPointerUp={end}
    >
      {zones.map((z, i) => {
        const r = shown(z);
        return (
          <button
            key={z.key}
            type="button"
            className={z.key === selected ? 'bc-zone bc-zone--selected' : 'bc-zone'}
            style={px(r)}
            aria-pressed={z.key === selected}
            data-zone={i + 1}
            onPointerDown={(e) => {
              onSelect(z.key);
              start(e, { kind: 'move', key: z.key, from: at(e), start: z.rect, now: z.rect });
            }}
            onClick={() => onSelect(z.key)}
          >
            <span>{t('zoneButton', { n: i + 1, width: r.width, height: r.height, x: r.x, y: r.y })}</span>
            <span
              className="bc-zone__handle"
              aria-hidden="true"
              onPointerDown={(e) => {
                onSelect(z.key);
                start(e, { kind: 'resize', key: z.key, from: at(e), start: z.rect, now: z.rect });
              }}
            />
          </button>
        );
      })}
      {sketch ? <div className="bc-zone bc-zone--sketch" style={px(sketch)} /> : null}
    </div>
  );
}
