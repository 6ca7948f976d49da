import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ContextStore } from '../context/context.store';
import { Notifier } from '../feedback/notifier.service';
import { ContextSwitcherDialogComponent } from './context-switcher-dialog.component';
import { SecretsMenuComponent } from './secrets-menu.component';
import { LanguageMenuComponent } from './language-menu.component';
import { ThemeMenuComponent } from './theme-menu.component';

interface NavItem {
  path: string;
  label: string;
  icon: string;
}

@Component({
  selector: 'ff-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatIcon,
    MatIconButton,
    MatButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatDivider,
    MatTooltip,
    SecretsMenuComponent,
    LanguageMenuComponent,
    ThemeMenuComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  readonly session = inject(SessionStore);
  readonly context = inject(ContextStore);

  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1023px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** The product name, not translated. */
  readonly productName = 'featbit-ts';

  readonly nav: NavItem[] = [
    { path: '/get-started', label: $localize`Get started`, icon: 'rocket_launch' },
    { path: '/feature-flags', label: $localize`Feature flags`, icon: 'flag' },
    { path: '/change-requests', label: $localize`Change requests`, icon: 'rule' },
    { path: '/experiments', label: $localize`Experiments`, icon: 'science' },
    { path: '/segments', label: $localize`Segments`, icon: 'group_work' },
    { path: '/end-users', label: $localize`End users`, icon: 'people' },
    { path: '/audit-log', label: $localize`Audit log`, icon: 'history' },
    { path: '/settings', label: $localize`Settings`, icon: 'settings' },
  ];

  readonly contextLabel = computed(() => {
    const project = this.context.project();
    const env = this.context.environment();
    return project && env ? `${project.name} / ${env.name}` : $localize`Choose an environment`;
  });

  readonly initials = computed(() => {
    const profile = this.session.profile();
    const source = profile?.name || profile?.email || '?';
    return source
      .split(/[\s@.]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
  });

  openSwitcher(): void {
    this.dialog
      .open(ContextSwitcherDialogComponent, { width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((changed?: boolean) => {
        if (!changed) return;
        const env = this.context.environment();
        if (env)
          this.notifier.success(
            $localize`Switched to ${this.context.project()?.name}:project: / ${env.name}:environment:`,
          );
        // Detail pages belong to the previous environment: go back to the section's list.
        const section = this.router.url.split('/')[1] || 'feature-flags';
        void this.router.navigateByUrl('/' + section.split('?')[0]);
      });
  }

  signOut(): void {
    this.session.logout().subscribe(() => this.notifier.success($localize`Signed out`));
  }
}
