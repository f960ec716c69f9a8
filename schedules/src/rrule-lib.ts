import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;

/**
 * rrule ships ESM for bundlers (the player's Vite build) and a UMD bundle for Node, whose named exports
 * Node cannot see: there everything hangs off `default`. One lookup serves both.
 */
const lib: RRuleModule =
  'RRule' in rruleModule && typeof rruleModule.RRule === 'function'
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = lib.RRule;
export type RRule = rruleModule.RRule;
export const Weekday = lib.Weekday;
export type RRuleOptions = rruleModule.Options;
