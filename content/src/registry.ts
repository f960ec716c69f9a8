import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { z } from 'zod';
import type { ContentTypeDefinition } from './content-type';
import { apbdDashboardType } from './types/apbd-dashboard';
import { chart3dType } from './types/chart-3d';
import { chartType } from './types/chart';
import { complaintsDashboardType } from './types/complaints-dashboard';
import { kpiType } from './types/kpi';
import { prayerTimesType } from './types/prayer-times';
import { tableType } from './types/table';
import { clockType } from './types/clock';
import { hlsType } from './types/hls';
import { imageType } from './types/image';
import { runningTextType } from './types/running-text';
import { textType } from './types/text';
import { videoType } from './types/video';
import { webPageType } from './types/web-page';

/** Every content type Baruga knows. Adding a type is a folder under `types/` and one line here. */
export const contentTypes: readonly ContentTypeDefinition<unknown>[] = [
  textType,
  imageType,
  clockType,
  videoType,
  hlsType,
  webPageType,
  runningTextType,
  chart3dType,
  kpiType,
  chartType,
  tableType,
  prayerTimesType,
  apbdDashboardType,
  complaintsDashboardType,
];

const byId = new Map(contentTypes.map((t) => [t.id, t]));

export function getContentType(id: string): ContentTypeDefinition<unknown> | undefined {
  return byId.get(id);
}

export interface ParsedProps {
  type: ContentTypeDefinition<unknown>;
  props: unknown;
  version: number;
}

/**
 * Brings props of any known version up to the type's current version and validates them.
 * The one door through which content props enter the controller or the player.
 */
export function parseContentProps(typeId: string, version: number, raw: unknown): Result<ParsedProps> {
  const type = byId.get(typeId);
  if (!type) return err({ code: ErrorCode.unknownContentType, message: `unknown content type "${typeId}"` });
  if (!Number.isInteger(version) || version < 1 || version > type.version) {
    return err({
      code: ErrorCode.invalidProps,
      message: `content type "${typeId}" has no props version ${version} (current ${type.version})`,
    });
  }
  let props = raw;
  for (let v = version; v < type.version; v++) {
    const migrate = type.migrations[v];
    if (!migrate) {
      return err({ code: ErrorCode.invalidProps, message: `no migration for "${typeId}" props v${v} → v${v + 1}` });
    }
    props = migrate(props);
  }
  const parsed = type.props.safeParse(props);
  if (!parsed.success) {
    return err({
      code: ErrorCode.invalidProps,
      message: `invalid props for "${typeId}": ${z.prettifyError(parsed.error)}`,
      details: z.treeifyError(parsed.error),
    });
  }
  return ok({ type, props: parsed.data, version: type.version });
}
