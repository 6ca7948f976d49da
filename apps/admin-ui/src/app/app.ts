import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ThemeStore } from './core/theme/theme.store';

@Component({
  selector: 'ff-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  // Applies the remembered colour scheme before any page, the sign-in page included, renders.
  protected readonly theme = inject(ThemeStore);
}
