import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import {
  MatChipGrid,
  MatChipInput,
  type MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { catchError, of } from 'rxjs';
import type { Variation, VariationType } from '../../../api/api.models';
import { FlagsApi } from '../../../api/flags.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { settledValid, keyErrorText, keyPattern, slugify, uniqueKey } from '../../../shared/validators';
import { defaultVariations, VARIATION_TYPE_OPTIONS, variationsError } from '../../../shared/variations';
import { VariationsEditorComponent } from '../../../ui/variations-editor/variations-editor.component';

/** "Create flag" drawer. Closes with the new flag's key. */
@Component({
  selector: 'ff-flag-create-drawer',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatSlideToggle,
    MatChipGrid,
    MatChipRow,
    MatChipInput,
    MatChipRemove,
    MatAutocomplete,
    MatAutocompleteTrigger,
    VariationsEditorComponent,
  ],
  templateUrl: './flag-create-drawer.component.html',
  styles: `
    .section-title {
      font: var(--mat-sys-title-small);
      margin: 8px 0 4px;
    }
    .serves {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      mat-form-field {
        flex: 1 1 200px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagCreateDrawerComponent {
  private readonly api = inject(FlagsApi);
  private readonly context = inject(ContextStore);
  private readonly notifier = inject(Notifier);
  readonly ref = inject<MatDialogRef<FlagCreateDrawerComponent, string>>(MatDialogRef);

  readonly typeOptions = VARIATION_TYPE_OPTIONS;
  readonly separators = [ENTER, COMMA] as const;
  readonly saving = signal(false);
  readonly submitted = signal(false);
  private keyEdited = false;
  private readonly envId = this.context.envId() ?? '';

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(128)]],
    key: ['', [Validators.required, keyPattern], [uniqueKey((key) => this.api.isKeyUsed(this.envId, key))]],
    description: ['', Validators.maxLength(512)],
    isEnabled: [false],
  });

  readonly type = signal<VariationType>('boolean');
  readonly variations = signal<Variation[]>(defaultVariations('boolean'));
  readonly tags = signal<string[]>([]);
  readonly tagQuery = signal('');
  readonly onVariationId = signal<string>(this.variations()[0].id);
  readonly offVariationId = signal<string>(this.variations()[1].id);

  private readonly existingTags = toSignal(
    this.api.allTags(this.envId).pipe(catchError(() => of([] as string[]))),
    {
      initialValue: [] as string[],
    },
  );
  readonly tagOptions = computed(() => {
    const q = this.tagQuery().toLowerCase();
    return this.existingTags().filter((t) => !this.tags().includes(t) && t.toLowerCase().includes(q));
  });
  readonly variationsProblem = computed(() => variationsError(this.type(), this.variations()));

  keyError(): string {
    return keyErrorText(this.form.controls.key);
  }

  onNameInput(): void {
    if (!this.keyEdited) {
      this.form.controls.key.setValue(slugify(this.form.controls.name.value));
      this.form.controls.key.markAsTouched();
    }
  }

  onKeyInput(): void {
    this.keyEdited = true;
  }

  setType(type: VariationType): void {
    this.type.set(type);
    this.setVariations(defaultVariations(type));
  }

  setVariations(variations: Variation[]): void {
    this.variations.set(variations);
    const ids = variations.map((v) => v.id);
    if (!ids.includes(this.onVariationId())) this.onVariationId.set(ids[0]);
    if (!ids.includes(this.offVariationId())) this.offVariationId.set(ids[ids.length - 1]);
  }

  removeTagLabel(tag: string): string {
    return $localize`Remove tag ${tag}:tag:`;
  }

  addTag(event: MatChipInputEvent): void {
    this.pushTag(event.value);
    event.chipInput.clear();
  }

  pushTag(raw: string): void {
    const tag = raw.trim();
    if (tag && !this.tags().includes(tag)) this.tags.set([...this.tags(), tag]);
    this.tagQuery.set('');
  }

  removeTag(tag: string): void {
    this.tags.set(this.tags().filter((t) => t !== tag));
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.saving() || !(await settledValid(this.form)) || this.variationsProblem() || this.saving())
      return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .create(this.envId, {
        name: value.name.trim(),
        key: value.key.trim(),
        description: value.description.trim(),
        isEnabled: value.isEnabled,
        variationType: this.type(),
        variations: this.variations(),
        enabledVariationId: this.onVariationId(),
        disabledVariationId: this.offVariationId(),
        tags: this.tags(),
      })
      .subscribe({
        next: (flag) => {
          this.notifier.success($localize`Created “${value.name.trim()}:flagName:”`);
          this.ref.close(flag?.key ?? value.key.trim());
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, $localize`Could not create the flag`);
        },
      });
  }
}
