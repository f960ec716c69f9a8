import { describe, expect, it } from 'vitest';
import { HostConfigError, parseHostArgs, placementsFor } from './host-contract';

describe('host arguments', () => {
  it('needs only the controller: without screens the player enrolls and is assigned its screens', () => {
    expect(parseHostArgs(['--controller', 'http://10.20.0.5:8080'], {})).toEqual({
      controllerUrl: 'http://10.20.0.5:8080',
      screens: [],
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

  it('says what is missing or malformed', () => {
    expect(() => parseHostArgs(['--screen', 'a'], {})).toThrow(HostConfigError);
    expect(() => parseHostArgs(['--controller', 'ftp://x', '--screen', 'a'], {})).toThrow(/http or https/);
    expect(() => parseHostArgs(['--controller', 'http://x', '--screen', 'A/B'], {})).toThrow(/bad screen placement/);
  });
});
