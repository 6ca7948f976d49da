import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { ThemeStore } from '../../core/theme/theme.store';

// Only what a line chart on a category axis needs, so the rest of chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  data: number[];
}

// Series colours are --ff-chart-1 … --ff-chart-8 in styles.scss (one value per colour scheme).
const SERIES_COLORS = 8;

/**
 * A chart.js line chart: one line per series over already formatted x labels. The same numbers are
 * in a visually hidden table, the canvas's text alternative for screen readers.
 */
@Component({
  selector: 'ff-line-chart',
  template: `
    <div class="frame">
      <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
    </div>
    <table class="cdk-visually-hidden" data-testid="chart-data">
      <caption>
        {{
          ariaLabel()
        }}
      </caption>
      <thead>
        <tr>
          <th i18n scope="col">Time</th>
          @for (s of series(); track s.label) {
            <th scope="col">{{ s.label }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (label of labels(); track $index; let i = $index) {
          <tr>
            <th scope="row">{{ label }}</th>
            @for (s of series(); track s.label) {
              <td>{{ s.data[i] }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: 280px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LineChartComponent {
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  readonly ariaLabel = input($localize`Chart`);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly theme = inject(ThemeStore);
  private chart: Chart<'line'> | null = null;

  constructor() {
    afterNextRender(() => {
      this.chart = new Chart(this.canvas().nativeElement, {
        type: 'line',
        data: { labels: [], datasets: [] },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: {}, y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      this.update();
    });
    effect(() => {
      this.labels();
      this.series();
      this.theme.dark();
      this.update();
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  // Updated in place rather than rebuilt, so a periodic refresh does not flicker.
  private update(): void {
    const chart = this.chart;
    if (!chart) return;
    // A canvas cannot read CSS variables (nor light-dark()): resolve them for the scheme showing.
    const text = this.resolve('--mat-sys-on-surface-variant');
    const grid = this.resolve('--mat-sys-outline-variant');
    chart.options.color = text;
    for (const axis of ['x', 'y'] as const) {
      const scale = chart.options.scales?.[axis];
      if (scale) {
        scale.ticks = { ...scale.ticks, color: text };
        scale.grid = { ...scale.grid, color: grid };
      }
    }
    chart.data.labels = this.labels();
    chart.data.datasets = this.series().map((s, i) => {
      const color = this.resolve(`--ff-chart-${(i % SERIES_COLORS) + 1}`);
      return {
        label: s.label,
        data: s.data,
        borderColor: color,
        backgroundColor: color,
        pointRadius: 2,
        tension: 0.2,
      };
    });
    chart.update();
  }

  private resolve(variable: string): string {
    const probe = document.createElement('span');
    probe.style.color = `var(${variable})`;
    this.host.nativeElement.appendChild(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }
}
