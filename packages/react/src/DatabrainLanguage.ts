/**
 * A UI language DataBrain's elements offer.
 *
 * @example
 * ```ts
 * import type { DatabrainLanguage } from '@databrain-embed/react';
 * const language: DatabrainLanguage = 'fr';
 * ```
 */
export type DatabrainLanguage =
  | 'en'
  | 'fr'
  | 'es'
  | 'de'
  | 'it'
  | 'pt'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'hi'
  | 'ar'
  | 'ru';
