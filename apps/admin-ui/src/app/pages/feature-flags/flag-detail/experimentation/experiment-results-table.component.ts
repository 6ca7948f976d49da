import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { ResultRow } from '../../../../shared/experiment-results';

export type ResultsView = 'frequentist' | 'bayesian';

/** One row per flag variation: FeatBit's columns, or the Bayesian ones (chance to beat, loss, interval). */
@Component({
  selector: 'ff-experiment-results-table',
  imports: [MatIcon, MatTooltip],
  template: `
    <div class="ff-table-wrap">
      <table class="results" [attr.aria-label]="caption()" data-testid="experiment-results">
        <thead>
          <tr>
            <th i18n scope="col">Variation</th>
            @if (conversion()) {
              <th i18n scope="col">Conversion / Users</th>
              <th i18n scope="col">Conversion rate</th>
            } @else {
              <th i18n scope="col">Users with events</th>
              <th i18n scope="col">Average</th>
            }
            @if (view() === 'frequentist') {
              <th i18n scope="col">Change</th>
              <th i18n scope="col">Confidence interval</th>
              <th i18n scope="col">p-value</th>
              <th i18n scope="col">Chance to beat baseline</th>
            } @else {
              <th i18n scope="col">Chance to beat baseline</th>
              <th i18n scope="col">Expected loss</th>
              <th i18n scope="col">Credible interval</th>
            }
            <th i18n scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.variationId) {
            <tr [class.baseline]="r.isBaseline" [attr.data-variation]="r.name">
              <th scope="row">
                {{ r.name }}
                @if (r.isBaseline) {
                  <span i18n class="ff-badge">Baseline</span>
                }
              </th>
              <td data-testid="result-users">{{ r.users }}</td>
              <td data-testid="result-value">{{ r.value }}</td>
              @if (view() === 'frequentist') {
                <td data-testid="result-change">{{ r.change }}</td>
                <td data-testid="result-interval">{{ r.interval }}</td>
                <td>{{ r.pValue }}</td>
                <td>{{ r.chanceToBeat }}</td>
              } @else {
                <td data-testid="result-chance">{{ r.chanceToBeat }}</td>
                <td>{{ r.expectedLoss }}</td>
                <td>{{ r.credible }}</td>
              }
              <td>
                @switch (r.verdict) {
                  @case ('winner') {
                    <span class="verdict win"
                      ><mat-icon inline>emoji_events</mat-icon> <ng-container i18n>Winner</ng-container></span
                    >
                  }
                  @case ('not-significant') {
                    <span class="verdict" [matTooltip]="r.reason" tabindex="0">
                      <mat-icon inline>hourglass_empty</mat-icon>
                      <ng-container i18n>Not significant</ng-container>
                    </span>
                  }
                  @case ('baseline') {
                    <span i18n class="ff-muted">Baseline</span>
                  }
                  @default {
                    <span i18n class="ff-muted">No data</span>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .results {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 8px 10px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      white-space: nowrap;
    }
    thead th {
      font: var(--mat-sys-label-large);
      white-space: normal;
      vertical-align: bottom;
    }
    .baseline {
      background: var(--mat-sys-surface-container-low);
    }
    .verdict {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      white-space: normal;
    }
    .win {
      color: var(--ff-success);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExperimentResultsTableComponent {
  readonly rows = input.required<ResultRow[]>();
  readonly conversion = input(true);
  readonly view = input<ResultsView>('frequentist');
  readonly caption = computed(() =>
    this.view() === 'bayesian'
      ? $localize`Results per variation (bayesian)`
      : $localize`Results per variation (frequentist)`,
  );
}
