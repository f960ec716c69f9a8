import { useEffect, useMemo, useRef } from 'react';
import type * as Three from 'three';
import { useDataTable } from '../../browser/data-feeds';
import { frameNow } from '../../browser/frame-time';
import type { ContentViewProps, VisibleRect } from '../../browser/view-props';
import type { Chart3dProps } from './index';

/** Bars ease to new values over this long when their rows change. */
const EASE_MS = 800;

interface Bar {
  label: string;
  value: number;
}

function barsOf(props: Chart3dProps, table: Chart3dProps['table']): Bar[] {
  return table.rows.map((row) => ({
    label: String(row[props.labelKey] ?? ''),
    value: typeof row[props.valueKey] === 'number' ? (row[props.valueKey] as number) : 0,
  }));
}

interface SceneOptions {
  /** The part of the chart this screen shows (a wall tile), in the chart's pixels; all of it when absent. */
  visible: VisibleRect | undefined;
  background: string;
  color: string;
  rotateDegPerS: number;
  active: boolean;
  clock: () => number;
  target: { readonly current: Bar[] };
  onReady: (() => void) | undefined;
  onError: (reason: string) => void;
}

/** Builds the scene in `el` and starts it turning; returns what releases every GPU object and the context. */
function mountScene(three: typeof Three, el: HTMLElement, options: SceneOptions): () => void {
  const {
    AmbientLight,
    BoxGeometry,
    Color,
    DirectionalLight,
    Group,
    Mesh,
    MeshStandardMaterial,
    PerspectiveCamera,
    Scene,
    WebGLRenderer,
  } = three;
  const { active, clock, target, onReady, onError } = options;
  let renderer: Three.WebGLRenderer;
  try {
    renderer = new WebGLRenderer({ antialias: true, alpha: false, powerPreference: 'low-power' });
  } catch (error) {
    onError(`WebGL unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return () => {};
  }
  const width = el.clientWidth || 1;
  const height = el.clientHeight || 1;
  // On a wall tile only this tile's part is rendered: the same scene and camera as the whole chart, cut by a view
  // offset (PerspectiveCamera.setViewOffset), so bars that cross a bezel line up and no tile renders the rest.
  const part = options.visible ?? { x: 0, y: 0, width, height };
  renderer.setPixelRatio(1);
  renderer.setSize(part.width, part.height, false);
  Object.assign(renderer.domElement.style, {
    position: 'absolute',
    left: `${part.x}px`,
    top: `${part.y}px`,
    width: options.visible ? `${part.width}px` : '100%',
    height: options.visible ? `${part.height}px` : '100%',
  });
  el.appendChild(renderer.domElement);

  const scene = new Scene();
  scene.background = new Color(options.background);
  const camera = new PerspectiveCamera(40, width / height, 0.1, 100);
  if (options.visible) camera.setViewOffset(width, height, part.x, part.y, part.width, part.height);
  camera.position.set(0, 6, 14);
  camera.lookAt(0, 1.5, 0);
  scene.add(new AmbientLight(0xffffff, 0.6));
  const sun = new DirectionalLight(0xffffff, 1.2);
  sun.position.set(5, 10, 7);
  scene.add(sun);

  const group = new Group();
  scene.add(group);
  const geometry = new BoxGeometry(0.8, 1, 0.8);
  const material = new MeshStandardMaterial({ color: new Color(options.color), roughness: 0.5, metalness: 0.1 });
  const meshes: Three.Mesh[] = [];
  const shown: number[] = [];
  let changedAt = clock();
  let from: number[] = [];

  const layout = () => {
    const n = target.current.length;
    while (meshes.length < n) {
      const mesh = new Mesh(geometry, material);
      group.add(mesh);
      meshes.push(mesh);
      shown.push(0);
    }
    while (meshes.length > n) {
      const mesh = meshes.pop();
      if (mesh) group.remove(mesh);
      shown.pop();
    }
    meshes.forEach((mesh, i) => {
      mesh.position.x = (i - (n - 1) / 2) * 1.2;
    });
  };

  let frame = 0;
  let lastTarget = target.current;
  const draw = (frameTime?: number) => {
    const t = frameTime === undefined ? clock() : frameNow(clock, frameTime);
    if (lastTarget !== target.current) {
      lastTarget = target.current;
      from = [...shown];
      changedAt = t;
      layout();
    }
    const max = Math.max(1, ...target.current.map((b) => Math.abs(b.value)));
    const k = Math.min(1, (t - changedAt) / EASE_MS);
    const ease = k < 0.5 ? 2 * k * k : 1 - (-2 * k + 2) ** 2 / 2;
    meshes.forEach((mesh, i) => {
      const goal = (Math.abs(target.current[i]?.value ?? 0) / max) * 5;
      const start = from[i] ?? 0;
      const h = Math.max(0.02, start + (goal - start) * ease);
      shown[i] = h;
      mesh.scale.y = h;
      mesh.position.y = h / 2;
    });
    group.rotation.y = (((t / 1000) * options.rotateDegPerS) % 360) * (Math.PI / 180);
    renderer.render(scene, camera);
  };
  layout();
  draw();
  onReady?.();
  const loop = (frameTime: number) => {
    draw(frameTime);
    frame = requestAnimationFrame(loop);
  };
  if (active) frame = requestAnimationFrame(loop);

  return () => {
    cancelAnimationFrame(frame);
    geometry.dispose();
    material.dispose();
    renderer.dispose();
    // Give the context back now: browsers cap live WebGL contexts, and a kiosk runs for months.
    renderer.forceContextLoss();
    renderer.domElement.remove();
  };
}

/**
 * A turning 3D bar chart. Rotation is a function of shared time (every tile of a wall agrees), bar
 * heights ease toward new rows, and on unmount every geometry, material and the WebGL context itself
 * are released: a player mounts thousands of these over a month.
 */
export function Chart3dView({ props, onReady, onError, active = true, now, visible }: ContentViewProps<Chart3dProps>) {
  const host = useRef<HTMLDivElement>(null);
  const table = useDataTable(props.table, props.feedId);
  const bars = useMemo(() => barsOf(props, table), [props, table]);
  const target = useRef(bars);
  useEffect(() => {
    target.current = bars;
  }, [bars]);
  const clock = now ?? Date.now;
  // The scene is rebuilt when the visible part changes by value (a new object for the same rectangle is no change).
  const [vx, vy, vw, vh] = visible ? [visible.x, visible.y, visible.width, visible.height] : [0, 0, 0, 0];
  const part = useMemo(
    () => (vw > 0 && vh > 0 ? { x: vx, y: vy, width: vw, height: vh } : undefined),
    [vx, vy, vw, vh],
  );
  const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let unmount: (() => void) | null = null;
    let gone = false;
    // three.js is a third of the player's code: it loads with the first chart, not when the player boots
    // (the service worker precaches the chunk, so a chart still plays offline).
    void import('three').then(
      (three) => {
        if (gone) return;
        unmount = mountScene(three, el, {
          visible: part,
          background: props.background,
          color: props.color,
          rotateDegPerS: props.rotateDegPerS,
          active,
          clock,
          target,
          onReady,
          onError,
        });
      },
      (error: unknown) => {
        if (!gone) onError(`3D engine failed to load: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      gone = true;
      unmount?.();
    };
    // The scene is rebuilt only for what changes its setup; rows flow in through `target`.
  }, [props.background, props.color, props.rotateDegPerS, active, clock, onReady, onError, part]);

  return (
    <div
      className="bg-chart3d"
      data-content-type="chart-3d"
      style={{ position: 'absolute', inset: 0, background: props.background }}
    >
      <div ref={host} style={{ position: 'absolute', inset: 0 }} />
      {props.title ? (
        <div
          className="bg-chart3d__title"
          style={{ position: 'absolute', left: '4%', top: '4%', fontSize: '6cqmin', fontWeight: 700 }}
        >
          <span lang="id">{props.title}</span>
          {props.titleEn ? (
            <span lang="en" style={{ display: 'block', fontSize: '0.6em', fontWeight: 400, opacity: 0.8 }}>
              {props.titleEn}
            </span>
          ) : null}
        </div>
      ) : null}
      <ol
        className="bg-chart3d__legend"
        style={{
          position: 'absolute',
          right: '4%',
          top: '4%',
          margin: 0,
          fontSize: '3.2cqmin',
          listStyle: 'none',
          textAlign: 'right',
        }}
      >
        {bars.map((bar) => (
          <li key={bar.label}>
            {bar.label}: <b>{format.format(bar.value)}</b>
            {props.unit ? ` ${props.unit}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
