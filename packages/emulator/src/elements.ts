export { definePreviewElements, type PreviewElementsOptions } from './definePreviewElements.ts';
export type { PreviewPayload } from './PreviewPayload.ts';
export {
  PreviewElementModel,
  type PreviewModelOptions,
  type PreviewServerEvent,
} from './preview/PreviewElementModel.ts';
export { installPreviewStyles, PREVIEW_STYLE_ID, PREVIEW_STYLES } from './preview/previewStyles.ts';
export { DEFAULT_PREVIEW_THEME, type PreviewTheme, readPreviewTheme } from './preview/readPreviewTheme.ts';
export { type PreviewStatus, type PreviewView, renderPreviewCard } from './preview/renderPreviewCard.ts';
export { type ChartBar, type RowSummary, summarizeRows } from './preview/summarizeRows.ts';
export { describeFilter, describePermissions, formatExpiry, parseJsonAttribute } from './previewFormat.ts';
export type { ColumnType, PreviewColumn } from './readColumns.ts';
