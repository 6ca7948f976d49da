/**
 * The build's language for Intl formats: the browser build sets `$localize.locale` in its polyfills
 * ("en", or "zh-Hans" in the Chinese build); code run without it (unit specs) formats in English.
 */
export function displayLocale(): string {
  return (globalThis as { $localize?: { locale?: string } }).$localize?.locale || 'en-US';
}
