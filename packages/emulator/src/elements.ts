export { definePreviewElements, type PreviewElementsOptions } from './definePreviewElements.ts';
export type { PreviewPayload } from './PreviewPayload.ts';
export { describeFilter, describePermissions, formatExpiry, parseJsonAttribute } from './previewFormat.ts';
