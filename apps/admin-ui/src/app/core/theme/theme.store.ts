import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string; icon: string }[] = [
  {
    value: 'system',
    label: $localize`:colour scheme|follow the system's colour scheme:System`,
    icon: 'brightness_auto',
  },
  { value: 'light', label: $localize`:colour scheme:Light`, icon: 'light_mode' },
  { value: 'dark', label: $localize`:colour scheme:Dark`, icon: 'dark_mode' },
];

const STORAGE_KEY = 'ff-theme';

/**
 * The console's colour scheme. Every colour is a Material 3 system token (or an `--ff-*` variable in
 * styles.scss) written with `light-dark()`, so choosing a scheme is only setting `color-scheme` on
 * <html>: "system" leaves it to the browser's `prefers-color-scheme`.
 */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  private readonly root = inject(DOCUMENT).documentElement;
  readonly choice = signal<ThemeChoice>(readChoice());
  private readonly systemDark = signal(false);
  /** Whether dark colours are showing, for what CSS cannot colour itself (chart canvases). */
  readonly dark = computed(() => (this.choice() === 'system' ? this.systemDark() : this.choice() === 'dark'));

  constructor() {
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    if (query) {
      this.systemDark.set(query.matches);
      const follow = (e: MediaQueryListEvent) => this.systemDark.set(e.matches);
      query.addEventListener('change', follow);
      inject(DestroyRef).onDestroy(() => query.removeEventListener('change', follow));
    }
    effect(() => {
      const choice = this.choice();
      this.root.style.colorScheme = choice === 'system' ? '' : choice;
      this.root.dataset['theme'] = choice;
    });
  }

  set(choice: ThemeChoice): void {
    this.choice.set(choice);
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage may be disabled; the choice then lasts for this tab only.
    }
  }
}

function readChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}
