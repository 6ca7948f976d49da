/** One language build of the console: served under `/<subPath>/` (the source language at `/`). */
export interface ConsoleBuild {
  subPath: string;
  locale: string;
}

/** The cookie the console's language menu writes (apps/admin-ui language-menu.component.ts). */
export const CONSOLE_LOCALE_COOKIE = 'ff-locale';

export type ConsoleLanguageChoice = { build: ConsoleBuild; redirect?: undefined } | { redirect: string };

const primary = (tag: string): string => tag.trim().toLowerCase().split('-')[0];

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Browser languages by preference (RFC 9110 quality values; ties keep their order). */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((item, order) => {
      const [tag, ...params] = item.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((l) => l.tag);
}

/**
 * Which build answers a console page. A path under a translation's sub-path gets that translation.
 * A source-language path is redirected to the translation the user chose (cookie) or, with no
 * choice made, to the first accepted language that has a build other than the source's.
 */
export function chooseConsoleLanguage(
  builds: readonly ConsoleBuild[],
  path: string,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): ConsoleLanguageChoice {
  const [source, ...translations] = builds;
  const first = path.split('/')[1] ?? '';
  const own = translations.find((b) => b.subPath === first);
  if (own) return { build: own };

  const chosen = cookieValue(cookieHeader, CONSOLE_LOCALE_COOKIE);
  let target: ConsoleBuild | undefined;
  if (chosen !== undefined) {
    target = translations.find((b) => b.locale.toLowerCase() === chosen.toLowerCase());
  } else {
    for (const tag of acceptedLanguages(acceptLanguage)) {
      if (primary(tag) === primary(source.locale)) break;
      target = translations.find((b) => primary(b.locale) === primary(tag));
      if (target) break;
    }
  }
  return target ? { redirect: `/${target.subPath}${path === '/' ? '/' : path}` } : { build: source };
}
