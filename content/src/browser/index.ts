export { contentViews } from './views';
export type { ContentViewProps } from './view-props';
