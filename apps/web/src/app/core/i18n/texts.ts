/* Plain data, no Angular: the language journey reads every feature's texts from Node too. */

/**
 * A lazy feature's own texts, Spanish and English with the same keys (the compiler checks that
 * English misses none). Keeping them beside the feature keeps them out of the initial bundle.
 */
export interface FeatureTexts<K extends string = string> {
  es: Record<K, string>;
  en: Record<K, string>;
}

/** Declares a feature's texts; `en` must have exactly the keys of `es`. */
export function defineTexts<T extends Record<string, string>>(texts: {
  es: T;
  en: Record<keyof T, string>;
}): FeatureTexts<Extract<keyof T, string>> {
  return texts as FeatureTexts<Extract<keyof T, string>>;
}
