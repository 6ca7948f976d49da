import { chooseConsoleLanguage, type ConsoleBuild } from './console-language';

const builds: ConsoleBuild[] = [
  { subPath: '', locale: 'en' },
  { subPath: 'zh', locale: 'zh-Hans' },
];

describe('chooseConsoleLanguage', () => {
  it('serves a translation under its own sub-path whatever the cookie says', () => {
    expect(chooseConsoleLanguage(builds, '/zh/flags', 'ff-locale=en', 'en')).toEqual({ build: builds[1] });
    expect(chooseConsoleLanguage(builds, '/zh', undefined, undefined)).toEqual({ build: builds[1] });
  });

  it('serves the source language when nothing asks for another', () => {
    expect(chooseConsoleLanguage(builds, '/flags', undefined, undefined)).toEqual({ build: builds[0] });
    expect(chooseConsoleLanguage(builds, '/flags', 'other=1', 'fr-FR,de;q=0.8')).toEqual({
      build: builds[0],
    });
  });

  it('follows the language chosen in the menu, before the browser’s', () => {
    expect(chooseConsoleLanguage(builds, '/flags/a', 'x=1; ff-locale=zh-Hans', 'en-US')).toEqual({
      redirect: '/zh/flags/a',
    });
    expect(chooseConsoleLanguage(builds, '/', 'ff-locale=zh-hans', undefined)).toEqual({ redirect: '/zh/' });
    // English chosen explicitly: a Chinese browser stays on English.
    expect(chooseConsoleLanguage(builds, '/flags', 'ff-locale=en', 'zh-CN')).toEqual({ build: builds[0] });
  });

  it('uses the browser’s preferred languages by quality when no choice was made', () => {
    expect(chooseConsoleLanguage(builds, '/flags', undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toEqual({
      redirect: '/zh/flags',
    });
    expect(chooseConsoleLanguage(builds, '/flags', undefined, 'en;q=0.5,zh-TW;q=0.9')).toEqual({
      redirect: '/zh/flags',
    });
    // English preferred over Chinese: no redirect.
    expect(chooseConsoleLanguage(builds, '/flags', undefined, 'en-GB,zh;q=0.5')).toEqual({
      build: builds[0],
    });
    expect(chooseConsoleLanguage(builds, '/flags', undefined, 'zh;q=0,fr')).toEqual({ build: builds[0] });
  });

  it('ignores a cookie naming no build and malformed headers', () => {
    expect(chooseConsoleLanguage(builds, '/flags', 'ff-locale=../../etc', 'zh')).toEqual({
      build: builds[0],
    });
    expect(chooseConsoleLanguage(builds, '/flags', ';;=;ff-locale', ',,;q=abc,*')).toEqual({
      build: builds[0],
    });
  });

  it('never redirects when only the source language is built', () => {
    expect(chooseConsoleLanguage([builds[0]], '/flags', 'ff-locale=zh-Hans', 'zh')).toEqual({
      build: builds[0],
    });
  });
});
