import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltip } from '@angular/material/tooltip';
import { THEME_CHOICES, ThemeStore } from '../theme/theme.store';

/** Top-bar switch between the system's colour scheme, light and dark. */
@Component({
  selector: 'ff-theme-menu',
  imports: [MatIconButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatTooltip],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="currentLabel()"
      [matTooltip]="currentLabel()"
      data-testid="theme-menu"
    >
      <mat-icon>{{ current().icon }}</mat-icon>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @for (choice of choices; track choice.value) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="theme.choice() === choice.value"
          [attr.data-testid]="'theme-' + choice.value"
          (click)="theme.set(choice.value)"
        >
          <mat-icon>{{ choice.icon }}</mat-icon>
          <span>{{ choice.label }}</span>
          @if (theme.choice() === choice.value) {
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
export class ThemeMenuComponent {
  readonly theme = inject(ThemeStore);
  readonly choices = THEME_CHOICES;
  readonly current = computed(
    () => THEME_CHOICES.find((c) => c.value === this.theme.choice()) ?? THEME_CHOICES[0],
  );
  readonly currentLabel = computed(() => $localize`Theme: ${this.current().label}:theme:`);
}
