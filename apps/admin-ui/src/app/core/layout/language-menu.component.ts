import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltip } from '@angular/material/tooltip';

/** The console's languages: each is its own build, served under its sub-path (angular.json i18n). */
export const LANGUAGES = [
  { locale: 'en', subPath: '', label: 'English' },
  { locale: 'zh-Hans', subPath: 'zh', label: '简体中文' },
] as const;

/** Read by the server to send `/` to the language chosen last (docs/console.md#languages). */
export const LOCALE_COOKIE = 'ff-locale';

/**
 * Top-bar language switch. A language is a separate build, so switching reloads the same page
 * under the other language's base path and remembers the choice in a cookie.
 */
@Component({
  selector: 'ff-language-menu',
  imports: [MatIconButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatTooltip],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      aria-label="Language"
      i18n-aria-label
      matTooltip="Language"
      i18n-matTooltip
      data-testid="language-menu"
    >
      <mat-icon>translate</mat-icon>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @for (language of languages; track language.locale) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.lang]="language.locale"
          [attr.aria-checked]="language.locale === locale"
          [attr.data-testid]="'language-' + language.locale"
          (click)="choose(language.locale)"
        >
          <span>{{ language.label }}</span>
          @if (language.locale === locale) {
            <mat-icon class="check" aria-hidden="true">check</mat-icon>
          }
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .check {
      margin: 0 0 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenuComponent {
  readonly languages = LANGUAGES;
  readonly locale = inject(LOCALE_ID);
  private readonly document = inject(DOCUMENT);

  choose(locale: string): void {
    const target = LANGUAGES.find((l) => l.locale === locale);
    const view = this.document.defaultView;
    if (!target || !view) return;
    this.document.cookie = `${LOCALE_COOKIE}=${target.locale}; path=/; max-age=31536000; samesite=lax`;
    if (target.locale === this.locale) return;
    view.location.assign(switchedUrl(view.location, this.document.baseURI, target.subPath));
  }
}

/** The same page under another language's base path: `/zh/flags?x` ⇄ `/flags?x`. */
export function switchedUrl(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  baseUri: string,
  subPath: string,
): string {
  const base = new URL(baseUri).pathname;
  const inApp = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  const prefix = subPath === '' ? '/' : `/${subPath}/`;
  return `${prefix}${inApp}${location.search}${location.hash}`;
}
