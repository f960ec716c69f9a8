import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;

/**
 * rrule ships ESM for bundlers (the player's Vite build) and a UMD bundle for Node, whose named exports
 * Node cannot see: there everything hangs off `default`. One lookup serves both; it is made through Reflect
 * so that a bundler, which sees only the ESM build, does not warn about a `default` it lacks.
 */
const lib: RRuleModule =
  'RRule' in rruleModule && typeof rruleModule.RRule === 'function'
    ? rruleModule
    : (Reflect.get(rruleModule, 'default') as RRuleModule);

export const RRule = lib.RRule;
export type RRule = rruleModule.RRule;
export const Weekday = lib.Weekday;
export type RRuleOptions = rruleModule.Options;
