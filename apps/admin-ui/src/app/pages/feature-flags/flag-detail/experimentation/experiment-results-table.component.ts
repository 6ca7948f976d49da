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
            <th scope="col">Variation</th>
            <th scope="col">{{ conversion() ? 'Conversion / Users' : 'Users with events' }}</th>
            <th scope="col">{{ conversion() ? 'Conversion rate' : 'Average' }}</th>
            @if (view() === 'frequentist') {
              <th scope="col">Change</th>
              <th scope="col">Confidence interval</th>
              <th scope="col">p-value</th>
              <th scope="col">Chance to beat baseline</th>
            } @else {
              <th scope="col">Chance to beat baseline</th>
              <th scope="col">Expected loss</th>
              <th scope="col">Credible interval</th>
            }
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.variationId) {
            <tr [class.baseline]="r.isBaseline" [attr.data-variation]="r.name">
              <th scope="row">
                {{ r.name }}
                @if (r.isBaseline) {
                  <span class="ff-badge">Baseline</span>
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
                    <span class="verdict win"><mat-icon inline>emoji_events</mat-icon> Winner</span>
                  }
                  @case ('not-significant') {
                    <span class="verdict" [matTooltip]="r.reason" tabindex="0">
                      <mat-icon inline>hourglass_empty</mat-icon> Not significant
                    </span>
                  }
                  @case ('baseline') {
                    <span class="ff-muted">Baseline</span>
                  }
                  @default {
                    <span class="ff-muted">No data</span>
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
  readonly caption = computed(() => `Results per variation (${this.view()})`);
}
