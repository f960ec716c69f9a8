import { describe, expect, it } from 'vitest';
import { CreateLayout, Layout, ScreenOverlays, UpdateLayout, zonesOutside } from './layout';

const zone = (id: string, x: number, width: number) => ({ id, x, y: 0, width, height: 1080, items: [] });
const body = {
  id: 'lobi-utama',
  name: 'Lobi utama',
  width: 1920,
  height: 1080,
  zones: [zone('main', 0, 1280), zone('side', 1280, 640)],
};

describe('layouts on the wire', () => {
  it('an operator writes the same zones a manifest carries, with the same rules', () => {
    const parsed = CreateLayout.parse({
      ...body,
      zones: [{ ...zone('main', 0, 1280), items: [{ type: 'text', props: { body: 'Halo' } }] }],
    });
    // Defaults as in a manifest: black canvas, z 0, a cut; items not yet given ids.
    expect(parsed).toMatchObject({ background: '#000000', zones: [{ z: 0, transition: { kind: 'cut' } }] });
    expect(parsed.zones[0]?.items[0]).toEqual({ type: 'text', props: { body: 'Halo' }, sample: false });

    for (const schema of [CreateLayout, UpdateLayout, Layout]) {
      const outside = schema.safeParse({ ...body, zones: [zone('main', 0, 1280), zone('side', 1300, 640)] });
      expect(outside.success).toBe(false);
      expect(outside.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [['zones'], 'every zone must lie inside the layout canvas'],
      ]);
      const twice = schema.safeParse({ ...body, zones: [zone('main', 0, 640), zone('main', 640, 640)] });
      expect(twice.error?.issues.map((i) => i.message)).toEqual(['zone ids must be unique']);
    }
    expect(CreateLayout.safeParse({ ...body, id: 'default' }).success).toBe(false);
  });

  it("overlays: unique ids; the screen's size is the controller's to check, with the same function", () => {
    expect(ScreenOverlays.safeParse({ zones: [zone('a', 0, 10), zone('a', 10, 10)] }).success).toBe(false);
    expect(ScreenOverlays.safeParse({ zones: [] }).success).toBe(true);
    const nine = Array.from({ length: 9 }, (_, i) => zone(`z${i}`, i * 10, 10));
    expect(ScreenOverlays.safeParse({ zones: nine }).success).toBe(false);
    expect(zonesOutside({ width: 1920, height: 1080 }, [zone('a', 0, 1920), zone('b', 1900, 40)])).toEqual(['b']);
  });
});
