/**
 * The `id` of the one `<style>` the preview elements add to a document.
 *
 * @example
 * ```ts
 * import { PREVIEW_STYLE_ID } from '@databrain-embed/emulator/elements';
 * document.getElementById(PREVIEW_STYLE_ID)?.remove();
 * ```
 */
export const PREVIEW_STYLE_ID = 'dbn-preview-styles';

/**
 * The preview card's stylesheet. Theme values arrive as custom properties set
 * on the card (`--dbn-accent`, `--dbn-font`), so the rules never change.
 * Every grid and flex child has `min-width: 0` and long text may wrap
 * anywhere, so the card never grows past its width; the table scrolls inside
 * its own box, and container queries on that box drop its least useful
 * columns first. Only the table box is a size container: a container's
 * content does not count towards its width, so a card without a width in a
 * flex row still takes the width of its text.
 * Text colours keep at least 4.5:1 contrast on the white card.
 *
 * @example
 * ```ts
 * import { PREVIEW_STYLES } from '@databrain-embed/emulator/elements';
 * shadowRoot.append(Object.assign(document.createElement('style'), { textContent: PREVIEW_STYLES }));
 * ```
 */
export const PREVIEW_STYLES: string = `
dbn-dashboard, dbn-metric { display: block; min-width: 0; max-width: 100%; }
.dbn-preview {
  box-sizing: border-box; min-width: 0;
  font: 13px/1.45 var(--dbn-font, system-ui, sans-serif); color: #1f2937; background: #fff;
  border: 1px solid #e5e7eb; border-top: 4px solid var(--dbn-accent, #4f46e5); border-radius: 10px;
  padding: 14px 16px; overflow-wrap: anywhere;
}
.dbn-preview *, .dbn-preview *::before, .dbn-preview *::after { box-sizing: border-box; }
.dbn-preview--auto { max-width: 640px; }
.dbn-preview--fill { width: 100%; }
.dbn-preview--fixed-height { overflow: auto; }
.dbn-preview__header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6px 8px; margin-bottom: 10px; }
.dbn-preview__title { margin: 0; min-width: 0; font-size: 15px; font-weight: 600; }
.dbn-preview__kind { color: #4b5563; font-weight: 500; }
.dbn-preview__name { color: #4b5563; font-weight: 400; }
.dbn-preview__status { flex: none; font-size: 11px; padding: 2px 8px; border-radius: 999px; color: #fff; background: #4b5563; }
.dbn-preview__status--ready { background: #047857; }
.dbn-preview__status--expired { background: #92400e; }
.dbn-preview__status--error { background: #b91c1c; }
.dbn-preview__message { margin: 0 0 10px; font-weight: 500; color: #4b5563; }
.dbn-preview__message--expired { color: #92400e; }
.dbn-preview__message--error { color: #b91c1c; }
.dbn-preview__kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 104px), 1fr)); gap: 8px; margin: 0 0 12px; }
.dbn-preview__kpi { min-width: 0; padding: 8px 10px; border: 1px solid #e5e7eb; border-left: 3px solid var(--dbn-accent, #4f46e5); border-radius: 8px; background: #f9fafb; }
.dbn-preview__kpi-label { display: block; font-size: 11px; color: #4b5563; }
.dbn-preview__kpi-value { display: block; font-size: 18px; font-weight: 600; line-height: 1.3; }
.dbn-preview__chart { margin: 0 0 12px; min-width: 0; }
.dbn-preview__chart-title, .dbn-preview__section-title { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: #374151; }
.dbn-preview__plot { display: grid; grid-template-columns: auto minmax(0, 1fr); grid-template-rows: 112px auto; column-gap: 6px; }
.dbn-preview__y-axis { display: flex; flex-direction: column; justify-content: space-between; align-items: flex-end; padding-top: 14px; font-size: 10px; color: #4b5563; }
.dbn-preview__y-axis span { line-height: 1; }
.dbn-preview__bars {
  display: flex; align-items: flex-end; gap: 6px; min-width: 0; padding-top: 14px;
  border-left: 1px solid #d1d5db; border-bottom: 1px solid #d1d5db;
}
.dbn-preview__bar { position: relative; flex: 1 1 0; min-width: 0; max-width: 56px; min-height: 2px; border-radius: 3px 3px 0 0; }
.dbn-preview__bar-value { position: absolute; bottom: 100%; left: 0; right: 0; padding-bottom: 1px; font-size: 10px; line-height: 12px; text-align: center; color: #1f2937; white-space: nowrap; overflow: hidden; }
.dbn-preview__x-axis { grid-column: 2; display: flex; gap: 6px; padding-top: 2px; font-size: 10px; color: #4b5563; }
.dbn-preview__x-axis span { flex: 1 1 0; min-width: 0; max-width: 56px; text-align: center; white-space: nowrap; overflow: hidden; }
.dbn-preview__empty { margin: 0; color: #4b5563; }
.dbn-preview__claims { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 0 0 8px; }
.dbn-preview__claims dt { color: #4b5563; }
.dbn-preview__claims dd { margin: 0; min-width: 0; }
.dbn-preview__filters { margin: 0 0 12px; padding-left: 18px; }
.dbn-preview__filters-none { color: #4b5563; }
.dbn-preview__table-box { container-type: inline-size; max-width: 100%; overflow-x: auto; border: 1px solid #f3f4f6; border-radius: 6px; }
.dbn-preview__table-box:focus-visible { outline: 2px solid var(--dbn-accent, #4f46e5); outline-offset: 1px; }
.dbn-preview__table { border-collapse: collapse; width: 100%; font-size: 12px; overflow-wrap: normal; }
.dbn-preview__table caption { text-align: left; padding: 4px 6px; font-size: 12px; font-weight: 600; color: #374151; }
.dbn-preview__table th { text-align: left; padding: 3px 6px; border-bottom: 2px solid var(--dbn-accent, #4f46e5); white-space: nowrap; }
.dbn-preview__table td { padding: 3px 6px; border-bottom: 1px solid #f3f4f6; white-space: nowrap; }
.dbn-preview__table .dbn-preview__number { text-align: right; font-variant-numeric: tabular-nums; }
@container (max-width: 468px) {
  .dbn-preview__table .dbn-preview__col--recurring, .dbn-preview__table .dbn-preview__col--region { display: none; }
}
@container (max-width: 298px) {
  .dbn-preview__table th, .dbn-preview__table td { padding: 3px 4px; }
}
@container (max-width: 343px) {
  .dbn-preview__table .dbn-preview__col--date { display: none; }
}
`;

/**
 * Adds the preview stylesheet to `document` once; later calls find it by id.
 *
 * @example
 * ```ts
 * import { installPreviewStyles } from '@databrain-embed/emulator/elements';
 * installPreviewStyles(document);
 * ```
 */
export function installPreviewStyles(document: Document): void {
  if (document.getElementById(PREVIEW_STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = PREVIEW_STYLE_ID;
  style.textContent = PREVIEW_STYLES;
  document.head.append(style);
}
