import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
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

// Only what a line chart on a category axis needs, so the rest of chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  data: number[];
}

const COLORS = ['#1e6fd9', '#e8710a', '#12b5cb', '#9334e6', '#d01884', '#188038', '#f9ab00', '#5f6368'];

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
          <th scope="col">Time</th>
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
  readonly ariaLabel = input('Chart');

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
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
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      this.update();
    });
    effect(() => {
      this.labels();
      this.series();
      this.update();
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  // Updated in place rather than rebuilt, so a periodic refresh does not flicker.
  private update(): void {
    const chart = this.chart;
    if (!chart) return;
    chart.data.labels = this.labels();
    chart.data.datasets = this.series().map((s, i) => {
      const color = COLORS[i % COLORS.length];
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
}
