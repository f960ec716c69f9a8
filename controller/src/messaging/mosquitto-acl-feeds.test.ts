import { topicFor } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { mosquittoFiles, mosquittoHash } from './mosquitto-acl';

describe('the Mosquitto ACL and data feeds', () => {
  it('lets a player read the feeds its screens show, an anonymous tab those of open screens, and no one else', () => {
    const shown: Record<string, string[]> = { lobi: ['apbd'], kiosk: ['keluhan'], videotron: ['rahasia'] };
    const { aclFile } = mosquittoFiles({
      allowAnonymous: true,
      controllerHash: mosquittoHash('pengendali'),
      screens: [
        { id: 'lobi', public: false },
        { id: 'kiosk', public: false },
        { id: 'videotron', public: true },
      ],
      claimed: ['lobi', 'videotron'],
      players: [
        { id: 'p-1', state: 'active', brokerHash: mosquittoHash('rahasia-p1'), screens: ['lobi', 'videotron'] },
      ],
      feedsOn: (screen) => shown[screen] ?? [],
    });
    const [anonymous = '', rest = ''] = aclFile.split('user baruga-controller');
    const player = rest.slice(rest.indexOf('user p-1'));
    // The player: the feeds of both its screens, read only.
    expect(player).toContain(`topic read ${topicFor('feed', 'apbd')}`);
    expect(player).toContain(`topic read ${topicFor('feed', 'rahasia')}`);
    expect(player).toContain(`topic read ${topicFor('feedUpdate', 'apbd')}`);
    expect(player).not.toContain(topicFor('feed', 'keluhan'));
    expect(player).not.toMatch(/topic (write|readwrite) baruga\/v1\/feeds/);
    // Anonymous tabs: the unclaimed, non-public kiosk's feed only.
    expect(anonymous).toContain(`topic read ${topicFor('feed', 'keluhan')}`);
    expect(anonymous).not.toContain(topicFor('feed', 'apbd'));
    expect(anonymous).not.toContain(topicFor('feed', 'rahasia'));
  });
});
