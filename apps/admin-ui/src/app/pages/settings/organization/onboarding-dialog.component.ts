import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatStep, MatStepper, MatStepperNext, MatStepperPrevious } from '@angular/material/stepper';
import type { OrganizationSummary } from '../../../api/api.models';
import { OrganizationsApi } from '../../../api/organizations.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { DEFAULT_ONBOARDING_ENVIRONMENTS, environmentNames } from '../../../shared/organization-forms';

/**
 * FeatBit's first-run onboarding for an organization not yet initialized: its name, then its first
 * project, then that project's environments (`POST organizations/onboarding`). Closes with true.
 */
@Component({
  selector: 'ff-onboarding-dialog',
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
    MatButton,
    MatStepper,
    MatStep,
    MatStepperNext,
    MatStepperPrevious,
  ],
  template: `
    <h2 i18n mat-dialog-title>Set up {{ org.name }}</h2>
    <mat-dialog-content>
      <mat-stepper orientation="vertical" [linear]="true" #stepper>
        <mat-step [stepControl]="form.controls.organizationName" label="Organization" i18n-label>
          <mat-form-field class="wide">
            <mat-label i18n>Organization name</mat-label>
            <input matInput [formControl]="form.controls.organizationName" data-testid="onboarding-org" />
            <mat-error i18n>Enter a name.</mat-error>
          </mat-form-field>
          <div>
            <button i18n mat-button matStepperNext type="button" data-testid="onboarding-next-1">Next</button>
          </div>
        </mat-step>
        <mat-step [stepControl]="form.controls.projectName" label="Project" i18n-label>
          <mat-form-field class="wide">
            <mat-label i18n>First project</mat-label>
            <input matInput [formControl]="form.controls.projectName" data-testid="onboarding-project" />
            <mat-hint i18n>Its key is derived from the name.</mat-hint>
            <mat-error i18n>Enter a name.</mat-error>
          </mat-form-field>
          <div>
            <button i18n mat-button matStepperPrevious type="button">Back</button>
            <button i18n mat-button matStepperNext type="button" data-testid="onboarding-next-2">Next</button>
          </div>
        </mat-step>
        <mat-step [stepControl]="form.controls.environments" label="Environments" i18n-label>
          <mat-form-field class="wide">
            <mat-label i18n>Environments</mat-label>
            <input matInput [formControl]="form.controls.environments" data-testid="onboarding-envs" />
            <mat-hint i18n>Comma separated, e.g. {{ defaultEnvs }}</mat-hint>
            <mat-error i18n>Name at least one environment.</mat-error>
          </mat-form-field>
          <div><button i18n mat-button matStepperPrevious type="button">Back</button></div>
        </mat-step>
      </mat-stepper>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-button type="button" mat-dialog-close>Later</button>
      <button
        i18n
        mat-flat-button
        type="button"
        [disabled]="saving() || form.invalid"
        (click)="submit()"
        data-testid="onboarding-submit"
      >
        Finish setup
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .wide {
      width: 100%;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnboardingDialogComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly notifier = inject(Notifier);
  readonly org = inject<OrganizationSummary>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<OnboardingDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  readonly defaultEnvs = DEFAULT_ONBOARDING_ENVIRONMENTS;

  readonly form = inject(NonNullableFormBuilder).group({
    organizationName: [this.org.name, Validators.required],
    projectName: ['', Validators.required],
    environments: [
      DEFAULT_ONBOARDING_ENVIRONMENTS,
      [
        Validators.required,
        (c: { value: string }) => (environmentNames(c.value).length > 0 ? null : { required: true }),
      ],
    ],
  });

  submit(): void {
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .onboard({
        organizationName: value.organizationName.trim(),
        projectName: value.projectName.trim(),
        environments: environmentNames(value.environments),
      })
      .subscribe({
        next: () => this.ref.close(true),
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, $localize`Could not finish the setup`);
        },
      });
  }
}
