import crypto from 'node:crypto';
import type { AlertSettings, BmkgSettings } from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Repositories } from '../db/repositories';
import { boundedFetch } from '../sources/bounded-fetch';
import { type Timers, realTimers } from '../sources/source-runner';
import type { AlertService } from './alert-service';
import type { AlertsRepository } from './alerts-repository';
import { distanceKm } from './area';
import { type Quake, parseBmkg } from './bmkg';
import { parseCap } from './cap-parser';
import { noticeOfQuake } from './notices';
import { feedLinks } from './xml-links';

const FETCH = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };

/** The screens a quake reaches: near enough for its magnitude, or for a tsunami it may bring. */
export function quakeTargets(q: Quake, settings: BmkgSettings, screens: Repositories['screens']): string[] {
  return screens
    .list()
    .filter((s) => {
      if (!s.location) return false;
      const d = distanceKm(s.location, q.epicentre);
      return (
        (q.magnitude >= settings.minMagnitude && d <= settings.maxDistanceKm) ||
        (q.tsunami && d <= settings.tsunamiDistanceKm)
      );
    })
    .map((s) => s.id);
}

/**
 * Polls BMKG's two earthquake feeds (both once per `pollS`, 5 s at least: under BMKG's 60 requests a minute) and CAP
 * feeds an operator listed. Every quake is remembered once; a recent one that reaches screens becomes an alert. A
 * feed that fails is logged and tried at the next poll: nothing it sends can stop the others.
 */
export function createAlertPollers(deps: {
  repos: Repositories;
  alerts: AlertsRepository;
  service: AlertService;
  settings: () => AlertSettings;
  log: FastifyBaseLogger;
  timers?: Timers;
}) {
  const { repos, alerts, service, log } = deps;
  const timers = deps.timers ?? realTimers;
  /** Each loop's next poll; replaced as it runs, so nothing piles up over months. */
  const next = new Map<string, { cancel(): void }>();
  const seenLinks = new Set<string>();
  let stopped = false;

  async function pollBmkg(): Promise<void> {
    const s = deps.settings().bmkg;
    for (const url of [s.autogempaUrl, s.gempaterkiniUrl]) {
      const fetched = await boundedFetch(url, { ...FETCH, accept: 'application/json' });
      if (!fetched.ok || fetched.value.status >= 400) {
        log.warn({ url, error: fetched.ok ? fetched.value.status : fetched.error.code }, 'BMKG feed not read');
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(fetched.value.text);
      } catch {
        log.warn({ url }, 'BMKG feed is not JSON');
        continue;
      }
      const quakes = parseBmkg(json);
      if (!quakes.ok) {
        log.warn({ url }, quakes.error.message);
        continue;
      }
      for (const q of quakes.value) await consider(q, s);
    }
  }

  async function consider(q: Quake, s: BmkgSettings): Promise<void> {
    if (alerts.quakeSeen(q.key)) return;
    const now = Date.now();
    const recent = now - q.at.getTime() <= s.maxAgeMinutes * 60_000;
    const screens = recent ? quakeTargets(q, s, repos.screens) : [];
    if (screens.length === 0) {
      alerts.rememberQuake(q.key, new Date(now).toISOString(), null);
      return;
    }
    const id = crypto.randomUUID();
    const notice = { ...noticeOfQuake(q, now, s.durationMinutes, deps.settings().sound), id };
    // Remembered first: a poll running beside this one must not raise it twice.
    alerts.rememberQuake(q.key, new Date(now).toISOString(), null);
    await service.raise(
      {
        id,
        origin: 'bmkg',
        identifier: `bmkg-${q.key}`,
        sender: 'bmkg.go.id',
        sentAt: q.at.toISOString(),
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Public',
        references: [],
        notice,
        notShownBecause: null,
        receivedAt: new Date(now).toISOString(),
        expiresAt: notice.expiresAt,
      },
      screens,
    );
  }

  async function pollCap(url: string): Promise<void> {
    const fetched = await boundedFetch(url, {
      ...FETCH,
      accept: 'application/cap+xml, application/xml, application/atom+xml',
    });
    if (!fetched.ok || fetched.value.status >= 400) {
      log.warn({ url, error: fetched.ok ? fetched.value.status : fetched.error.code }, 'CAP feed not read');
      return;
    }
    const links = feedLinks(fetched.value.text);
    const documents = links === null ? [fetched.value.text] : [];
    for (const link of (links ?? []).filter((l) => !seenLinks.has(l)).slice(0, 20)) {
      const resolved = new URL(link, url).toString();
      const one = await boundedFetch(resolved, { ...FETCH, accept: 'application/cap+xml, application/xml' });
      if (one.ok && one.value.status < 400) {
        documents.push(one.value.text);
        seenLinks.add(link);
      }
    }
    for (const xml of documents) {
      const arrived = performance.now();
      const message = parseCap(xml);
      if (!message.ok) {
        log.warn({ url, code: message.error.code }, `CAP message refused: ${message.error.message}`);
        continue;
      }
      await service.receiveCap(message.value, 'cap-feed', xml, arrived);
    }
  }

  /** A loop that runs `poll`, then waits `every()` seconds, until stopped; a failing poll is logged, not fatal. */
  function loop(name: string, poll: () => Promise<void>, every: () => number | null): void {
    const run = async () => {
      const seconds = every();
      if (stopped || seconds === null) return;
      try {
        await poll();
      } catch (error) {
        log.error({ err: error }, `${name} poll failed`);
      }
      if (!stopped)
        next.set(
          name,
          timers.set(() => void run(), seconds * 1000),
        );
    };
    next.set(
      name,
      timers.set(() => void run(), 500),
    );
  }

  return {
    start(): void {
      stopped = false;
      loop('BMKG', pollBmkg, () => (deps.settings().bmkg.enabled ? deps.settings().bmkg.pollS : null));
      for (const [i, feed] of deps.settings().capFeeds.entries()) {
        loop(
          `CAP feed ${feed.url}`,
          () => pollCap(feed.url),
          () => deps.settings().capFeeds[i]?.pollS ?? null,
        );
      }
    },
    stop(): void {
      stopped = true;
      for (const h of next.values()) h.cancel();
      next.clear();
    },
    /** Settings changed: the loops start again with the new feeds and intervals. */
    restart(): void {
      this.stop();
      this.start();
    },
    pollBmkg,
    pollCap,
  };
}
export type AlertPollers = ReturnType<typeof createAlertPollers>;
