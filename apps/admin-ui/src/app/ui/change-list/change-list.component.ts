import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import type { Change } from '../../shared/audit-diff';

const ICONS: Record<Change['kind'], string> = { add: 'add_circle', remove: 'remove_circle', update: 'edit' };
const KIND_LABELS: Record<Change['kind'], string> = {
  add: $localize`:kind of change in a change list:add`,
  remove: $localize`:kind of change in a change list:remove`,
  update: $localize`:kind of change in a change list:update`,
};

/** A change list: one line per change, marked added / removed / updated. */
@Component({
  selector: 'ff-change-list',
  imports: [MatIcon],
  template: `
    <ul class="changes">
      @for (change of changes(); track $index) {
        <li [class]="change.kind">
          <mat-icon inline [attr.aria-label]="kindLabels[change.kind]">{{ icons[change.kind] }}</mat-icon>
          <span>{{ change.text }}</span>
        </li>
      } @empty {
        <li i18n class="none">No changes.</li>
      }
    </ul>
  `,
  styles: `
    .changes {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 3px 0;
      line-height: 1.4;
    }
    mat-icon {
      flex: none;
      margin-top: 2px;
    }
    .add mat-icon {
      color: var(--ff-success);
    }
    .remove mat-icon {
      color: var(--mat-sys-error);
    }
    .update mat-icon {
      color: var(--mat-sys-primary);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeListComponent {
  readonly changes = input.required<readonly Change[]>();
  readonly icons = ICONS;
  readonly kindLabels = KIND_LABELS;
}
