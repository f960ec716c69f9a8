import { describe, expect, it } from 'vitest';
import {
  HostConfigError,
  type HostWindow,
  hostWindows,
  parseHostArgs,
  parseSpanQuery,
  placementsFor,
  windowQuery,
} from './host-contract';

describe('host arguments', () => {
  it('needs only the controller: without screens the player enrolls and is assigned its screens', () => {
    expect(parseHostArgs(['--controller', 'http://10.20.0.5:8080'], {})).toEqual({
      controllerUrl: 'http://10.20.0.5:8080',
      screens: [],
      spans: [],
      caFile: null,
    });
  });

  it('takes the controller’s certificate to trust, from the command line or the environment', () => {
    const args = ['--controller', 'https://baruga.diskominfo.example', '--ca', '/etc/baruga/controller.pem'];
    expect(parseHostArgs(args, {}).caFile).toBe('/etc/baruga/controller.pem');
    expect(parseHostArgs(args.slice(0, 2), { BARUGA_CA: '/etc/baruga/ca.pem' }).caFile).toBe('/etc/baruga/ca.pem');
  });

  it('places assigned screens at their own size unless the command line placed them', () => {
    const placed = placementsFor(
      [
        { id: 'videotron-1', name: 'V', width: 1920, height: 640 },
        { id: 'lobi-1', name: 'L', width: 1280, height: 720 },
      ],
      [{ screenId: 'videotron-1', x: 0, y: 1080, width: 1920, height: 640 }],
    );
    expect(placed).toEqual([
      { screenId: 'videotron-1', x: 0, y: 1080, width: 1920, height: 640 },
      { screenId: 'lobi-1', x: 0, y: 0, width: 1280, height: 720 },
    ]);
  });

  it('places a videotron at a desktop offset, pixel for pixel', () => {
    const config = parseHostArgs(
      ['--controller', 'http://10.20.0.5:8080/', '--screen', 'videotron-1@1920x640+0+1080'],
      {},
    );
    expect(config).toEqual({
      controllerUrl: 'http://10.20.0.5:8080',
      screens: [{ screenId: 'videotron-1', width: 1920, height: 640, x: 0, y: 1080 }],
      spans: [],
      caFile: null,
    });
  });

  it('reads the environment and display ids', () => {
    const config = parseHostArgs([], {
      BARUGA_CONTROLLER: 'https://baruga.example',
      BARUGA_SCREENS: 'lounge-1@1920x1080+0+0:display=2,lounge-2',
    });
    expect(config.screens).toEqual([
      { screenId: 'lounge-1', width: 1920, height: 1080, x: 0, y: 0, displayId: 2 },
      { screenId: 'lounge-2', width: 1920, height: 1080, x: 0, y: 0 },
    ]);
  });

  it('draws the screens inside a span in one window across the outputs, each at its offset', () => {
    // A wall controller presents the 2×2 lounge as one 3840×2160 desktop; a videotron sender sits below it.
    const screens = [
      'lounge-1@1920x1080+0+0',
      'lounge-2@1920x1080+1920+0',
      'lounge-3@1920x1080+0+1080',
      'lounge-4@1920x1080+1920+1080',
      'videotron-1@1920x640+0+2160',
    ];
    const config = parseHostArgs(
      ['--controller', 'http://10.20.0.5:8080', '--span', '3840x2160+0+0', ...screens.flatMap((s) => ['--screen', s])],
      {},
    );
    expect(config.spans).toEqual([{ width: 3840, height: 2160, x: 0, y: 0 }]);
    const windows = hostWindows(config.screens, config.spans);
    expect(windows.map((w) => [w.key, w.rect])).toEqual([
      ['span@0,0', { width: 3840, height: 2160, x: 0, y: 0 }],
      ['videotron-1', { width: 1920, height: 640, x: 0, y: 2160 }],
    ]);
    const [span, videotron] = windows;
    expect(span?.screens.map((s) => [s.screenId, s.x, s.y])).toEqual([
      ['lounge-1', 0, 0],
      ['lounge-2', 1920, 0],
      ['lounge-3', 0, 1080],
      ['lounge-4', 1920, 1080],
    ]);
    // The page learns its screens from its address; one screen keeps the plain `?screen=`.
    const query = new URLSearchParams(windowQuery(span as HostWindow)).get('span') ?? '';
    expect(query).toBe(
      'lounge-1@1920x1080+0+0,lounge-2@1920x1080+1920+0,lounge-3@1920x1080+0+1080,lounge-4@1920x1080+1920+1080',
    );
    expect(parseSpanQuery(query)).toEqual(span?.screens);
    expect(windowQuery(videotron as HostWindow)).toBe('?screen=videotron-1');
    expect(parseSpanQuery('lounge-1@1920x1080+0+0,../x@1x1+1+1')).toBeNull();
    expect(() => parseHostArgs(['--controller', 'http://x', '--span', '3840x2160'], {})).toThrow(/bad span/);
  });

  it('says what is missing or malformed', () => {
    expect(() => parseHostArgs(['--screen', 'a'], {})).toThrow(HostConfigError);
    expect(() => parseHostArgs(['--controller', 'ftp://x', '--screen', 'a'], {})).toThrow(/http or https/);
    expect(() => parseHostArgs(['--controller', 'http://x', '--screen', 'A/B'], {})).toThrow(/bad screen placement/);
  });
});
