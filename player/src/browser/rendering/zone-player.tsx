import { contentViews } from '@baruga/content/browser';
import type { ScreenInfo, Transition } from '@baruga/protocol';
import type { Cycle } from '@baruga/schedules';
import { memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Timers } from '../clock/timers';
import type { PlayableItem } from './playable';
import { type Slot, initialZoneState, zoneReducer } from './zone-machine';
import { firstShowing, zonePlanner } from './zone-plan';
import { atFrame } from './frame-switch';
import type { Rect } from './wall-stage';

/** An item that has not become ready in this time is skipped (a stalled download, a page that never loads). */
export const READY_TIMEOUT_MS = 20_000;
/**
 * A slot prepared while another item plays mounts its view this long after it appears, never in the frame where its
 * zone switched: mounting (laying out text, starting a decoder) can take a frame or more, and the switch frame must
 * be painted on time on every tile of a wall.
 */
export const PREPARE_AFTER_MS = 150;
/**
 * After a cut, the item that gave way is hidden in the switch frame itself (nothing of it shows through a
 * transparent newcomer) and unmounted this long after: disposing of it (a decoder, a renderer, its painted area) is
 * kept out of the frames right after the switch, which every tile of a wall paints at the same moment.
 */
export const CUT_SETTLE_MS = 250;

export interface ZoneGeometry {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background?: string | undefined;
  transition: Transition;
}

export interface ZonePlayerProps {
  zone: ZoneGeometry;
  /** The zone's items in the manifest's order; null where this player cannot play one. */
  entries: readonly (PlayableItem | null)[];
  durations: readonly number[];
  /** Where the zone's cycle began: which item plays when follows from it and `timers.now()` alone. */
  cycle: Cycle;
  /** On a wall tile, the part of the zone this tile shows (zone pixels); absent when it shows all of it. */
  visible?: Rect | undefined;
  screen: ScreenInfo;
  assetUrl: (sha256: string) => string;
  timers: Timers;
  /** The first item of this zone is on screen (used to switch layouts without a gap). */
  onLive?: () => void;
  onShown: (itemId: string, zoneId: string) => void;
  onFailed: (itemId: string, reason: string) => void;
}

/**
 * Plays one zone's items with gapless transitions (zone-machine.ts), at the instants the pure position gives
 * (zone-plan.ts): it begins with the item playing now, and switches at the boundaries of the controller's clock.
 */
export function ZonePlayer(props: ZonePlayerProps) {
  const { zone, entries, durations, cycle, timers } = props;
  const reducer = useMemo(() => {
    const playable = entries.map((e) => e !== null);
    return zoneReducer(playable.filter(Boolean).length, zonePlanner(durations, cycle, playable));
  }, [entries, durations, cycle]);
  const [state, rawDispatch] = useReducer(reducer, null, () =>
    initialZoneState(
      firstShowing(
        durations,
        cycle,
        entries.map((e) => e !== null),
        timers.now(),
      ),
    ),
  );
  // Every action carries the instant it happened (the reducer stays pure).
  const dispatch = useCallback(
    (action: { type: 'ready' | 'failed' | 'due' | 'transitioned'; key: number }) =>
      rawDispatch({ ...action, now: timers.now() }),
    [timers],
  );
  const current = state.slots.find((s) => s.phase === 'live' || s.phase === 'entering');
  const entering = state.slots.find((s) => s.phase === 'entering');
  const preparing = state.slots.find((s) => s.phase === 'preparing');

  // The live item gives way when the next showing is due, an instant on the controller's clock: in the first
  // animation frame at or after it, committed within that frame, so every tile of a wall paints it in the same frame.
  const currentKey = current?.key;
  const currentIndex = current?.index;
  const dueAt = current ? preparing?.at : undefined;
  useEffect(() => {
    if (currentKey === undefined || dueAt === undefined) return;
    return atFrame(timers, dueAt, () => flushSync(() => dispatch({ type: 'due', key: currentKey })));
  }, [currentKey, dueAt, timers, dispatch]);

  const enteringKey = entering?.key;
  useEffect(() => {
    if (enteringKey === undefined) return;
    const ms = zone.transition.kind === 'cut' ? CUT_SETTLE_MS : zone.transition.durationMs;
    return timers.after(ms, () => dispatch({ type: 'transitioned', key: enteringKey }));
  }, [enteringKey, zone.transition, timers, dispatch]);

  const { onLive, onShown } = props;
  const wentLive = useRef(false);
  // One report per showing: a re-render (a new manifest, a new callback) while the same slot plays is not
  // a new play, and would become a second proof-of-play record.
  const reportedKey = useRef<typeof currentKey>(undefined);
  useEffect(() => {
    if (currentKey === undefined || currentIndex === undefined) return;
    const shown = entries[currentIndex];
    if (shown && reportedKey.current !== currentKey) {
      reportedKey.current = currentKey;
      onShown(shown.item.id, zone.id);
    }
    if (!wentLive.current) {
      wentLive.current = true;
      onLive?.();
    }
  }, [currentKey, currentIndex, entries, zone.id, onShown, onLive]);

  return (
    <div
      className="bg-zone"
      data-zone-id={zone.id}
      style={{
        left: zone.x,
        top: zone.y,
        width: zone.width,
        height: zone.height,
        zIndex: zone.z,
        background: zone.background,
      }}
    >
      {state.slots.map((slot) => {
        const playable = entries[slot.index];
        return playable ? (
          <ItemSlot
            key={slot.key}
            slot={slot}
            playable={playable}
            transition={zone.transition}
            screen={props.screen}
            assetUrl={props.assetUrl}
            timers={timers}
            visible={props.visible}
            deferMount={slot.phase === 'preparing' && current !== undefined}
            onReady={() => dispatch({ type: 'ready', key: slot.key })}
            onError={(reason) => {
              props.onFailed(playable.item.id, reason);
              dispatch({ type: 'failed', key: slot.key });
            }}
          />
        ) : null;
      })}
    </div>
  );
}

interface ItemSlotProps {
  slot: Slot;
  playable: PlayableItem;
  transition: Transition;
  screen: ScreenInfo;
  assetUrl: (sha256: string) => string;
  timers: Timers;
  visible: Rect | undefined;
  /** Mount the view a moment later (PREPARE_AFTER_MS): another item is on screen and a switch just happened. */
  deferMount: boolean;
  onReady: () => void;
  onError: (reason: string) => void;
}

/** One mounted item. Memoised on its phase so a neighbour's switch does not re-render a playing video. */
const ItemSlot = memo(
  function ItemSlot({
    slot,
    playable,
    transition,
    screen,
    assetUrl,
    timers,
    visible,
    deferMount,
    onReady,
    onError,
  }: ItemSlotProps) {
    const View = contentViews[playable.item.type];
    const [mounted, setMounted] = useState(!deferMount);
    useEffect(() => (mounted ? undefined : timers.after(PREPARE_AFTER_MS, () => setMounted(true))), [mounted, timers]);
    // Called once each, whatever the view does; later calls (a refreshed page, a retried stream) are ignored.
    const settled = useRef({ ready: false, failed: false });
    const readyOnce = useCallback(() => {
      if (settled.current.ready || settled.current.failed) return;
      settled.current.ready = true;
      onReady();
    }, [onReady]);
    const errorOnce = useCallback(
      (reason: string) => {
        if (settled.current.failed) return;
        settled.current.failed = true;
        onError(reason);
      },
      [onError],
    );

    useEffect(
      () =>
        // A download takes as long as it takes, even when playback is accelerated for a soak test.
        timers.after(READY_TIMEOUT_MS * (timers.speed ?? 1), () => {
          if (!settled.current.ready) errorOnce(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
        }),
      [timers, errorOnce],
    );

    const phaseClass =
      transition.kind === 'cut'
        ? slot.phase === 'leaving'
          ? 'bg-slot--cut-away'
          : ''
        : slot.phase === 'entering'
          ? `bg-slot--entering bg-slot--${transition.kind}`
          : '';
    return (
      <div
        className={`bg-slot bg-slot--${slot.phase} ${phaseClass}`}
        data-item-id={playable.item.id}
        data-phase={slot.phase}
        data-live={slot.phase === 'live' || slot.phase === 'entering' ? 'true' : 'false'}
        aria-hidden={slot.phase === 'preparing' || slot.phase === 'leaving'}
        style={{ animationDuration: `${transition.durationMs}ms` }}
      >
        {View && mounted ? (
          <View
            props={playable.parsed.props as never}
            screen={screen}
            assetUrl={assetUrl}
            // A cut's outgoing item is hidden at once; paused with it, so it is not heard for the moment it stays.
            active={slot.phase !== 'preparing' && !(slot.phase === 'leaving' && transition.kind === 'cut')}
            onReady={readyOnce}
            onError={errorOnce}
            now={timers.now}
            // When this showing began: media follows it, so every tile of a wall shows the same frame.
            startedAt={slot.at}
            {...(visible ? { visible } : {})}
          />
        ) : null}
        {playable.item.sample ? (
          <div className="bg-sample-badge" lang="id">
            CONTOH · SAMPLE
          </div>
        ) : null}
      </div>
    );
  },
  (a, b) =>
    a.slot.phase === b.slot.phase &&
    a.playable === b.playable &&
    a.slot.key === b.slot.key &&
    JSON.stringify(a.visible) === JSON.stringify(b.visible),
);
