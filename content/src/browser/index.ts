export { contentViews } from './views';
export {
  type DataFeeds,
  type FeedMeta,
  type FeedState,
  DataFeedsContext,
  createDataFeeds,
  useDataFeed,
  useDataTable,
} from './data-feeds';
export type { ContentViewProps, VisibleRect } from './view-props';
export { contentEditors } from './editors';
export type { ContentEditorProps, PickedAsset } from './editor-props';
export { type EditorLang, type EditorTextKey, editorFill, editorText, editorWord } from './editor-text';
