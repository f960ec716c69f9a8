import {
  type AssetRef,
  type CreateLoopItem,
  DEFAULT_LOCALE,
  DEFAULT_TIMEZONE,
  type Layout,
  type LoopItem,
  MANIFEST_SCHEMA_VERSION,
  Manifest,
  PREVIEW_ID,
  type PreviewRequest,
  type Result,
  type ScheduleEvent,
  type ScreenInfo,
  type ZoneView,
  ErrorCode,
  err,
  ok,
} from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import { ApiError } from '../http/http-errors';
import { checkItem } from '../items/check-item';
import type { AssetDelivery } from '../library/renditions';
import { screenInfo } from '../screens/screens-repository';
import { itemDelivery } from './publisher';

/** A playlist previewed on no particular screen fills a full-HD canvas. */
const BARE_CANVAS = { width: 1920, height: 1080 };

/** Stored-item shape for checked preview items; ids are made up, since nothing is stored. */
function previewItems(repos: Repositories, items: readonly CreateLoopItem[], prefix: string, where: string) {
  return items.map((item, i) => {
    const checked = checkItem(repos, item, `${where}[${i}]`);
    return { ...checked, id: `${prefix}${i}`, props: checked.props as Record<string, unknown> };
  });
}

/** The event that keeps the previewed playlist or layout on screen at every instant. */
const alwaysOn = (screenId: string): ScheduleEvent => ({
  id: PREVIEW_ID,
  name: PREVIEW_ID,
  playlistId: PREVIEW_ID,
  targets: { screens: [screenId], groups: [], walls: [], all: false },
  priority: 100,
  timezone: null,
  start: '2000-01-01T00:00',
  end: null,
  rrule: null,
  exdates: [],
  durationMinutes: null,
  daypartId: null,
  interrupt: null,
  maxPlaysPerHour: null,
  enabled: true,
});

/**
 * Checks a preview request's items as a write would (throws the same ApiErrors), and returns the function that
 * builds its manifest: the content as the one always-on event of a screen (or a bare canvas), compiled through
 * the publisher's own delivery so pictures are the renditions a player would get.
 */
export function previewBuilder(repos: Repositories, request: PreviewRequest, now: Date) {
  const screenRow = request.screenId ? repos.screens.get(request.screenId) : null;
  if (request.screenId && !screenRow) {
    throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${request.screenId}"`);
  }
  const content = request.content;
  const canvas = content.kind === 'layout' ? content.layout : BARE_CANVAS;
  const screen: ScreenInfo = screenRow
    ? screenInfo(screenRow)
    : {
        id: PREVIEW_ID,
        name: PREVIEW_ID,
        width: canvas.width,
        height: canvas.height,
        timezone: DEFAULT_TIMEZONE,
        locale: DEFAULT_LOCALE,
        public: false,
      };
  const playlistItems = content.kind === 'playlist' ? previewItems(repos, content.items, 'preview-', 'items') : [];
  const zones: ZoneView[] =
    content.kind === 'layout'
      ? content.layout.zones.map((zone, z) => ({
          ...zone,
          items: previewItems(repos, zone.items, `preview-${zone.id}-`, `layout.zones[${z}].items`).map(
            (item, position) => ({ ...item, position }),
          ),
        }))
      : [];

  return (delivery: AssetDelivery): Result<Manifest> => {
    const assets = new Map<string, AssetRef>();
    const { deliver, deliverZones } = itemDelivery(delivery, screen, assets);
    const playlists: Record<string, LoopItem[]> = {};
    const layouts: Record<string, Layout> = {};
    if (content.kind === 'playlist') {
      const items: LoopItem[] = [];
      for (const item of playlistItems) {
        const delivered = deliver(item);
        if (!delivered.ok) return delivered;
        items.push(delivered.value);
      }
      playlists[PREVIEW_ID] = items;
    } else {
      const delivered = deliverZones(zones);
      if (!delivered.ok) return delivered;
      const { name, width, height, background } = content.layout;
      layouts[PREVIEW_ID] = { id: PREVIEW_ID, name, width, height, background, zones: delivered.value };
    }
    const manifest = Manifest.safeParse({
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      screenId: screen.id,
      version: 1,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      screen,
      loop: [],
      playlists,
      schedule: { wallId: null, groups: [], events: [alwaysOn(screen.id)], dayparts: [] },
      layouts,
      overlays: [],
      assets: [...assets.values()],
    });
    if (!manifest.success) {
      return err({
        code: ErrorCode.validation,
        message: `preview failed the manifest schema: ${manifest.error.message}`,
      });
    }
    return ok(manifest.data);
  };
}
