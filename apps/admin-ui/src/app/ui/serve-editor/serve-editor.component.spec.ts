import { TestBed } from '@angular/core/testing';
import type { RolloutVariation } from '../../api/api.models';
import { partsToRollouts, serveSingle } from '../../shared/rollout';
import { ServeEditorComponent } from './serve-editor.component';

const variations = [
  { id: 'on', name: 'On', value: 'true' },
  { id: 'off', name: 'Off', value: 'false' },
];

async function render(value: RolloutVariation[]) {
  const fixture = TestBed.createComponent(ServeEditorComponent);
  fixture.componentRef.setInput('variations', variations);
  fixture.componentRef.setInput('value', value);
  const emitted: RolloutVariation[][] = [];
  fixture.componentInstance.valueChange.subscribe((v) => {
    emitted.push(v);
    fixture.componentRef.setInput('value', v);
  });
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const input = (name: string) => el.querySelector<HTMLInputElement>(`[data-testid="split-${name}"]`)!;
  const type = async (name: string, text: string) => {
    input(name).value = text;
    input(name).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, el, emitted, input, type };
}

describe('ServeEditorComponent (rollout split)', () => {
  it('shows a stored 30/70 split as percentages with a 100% total', async () => {
    const { el, input } = await render(
      partsToRollouts([
        { variationId: 'on', percent: 30 },
        { variationId: 'off', percent: 70 },
      ]),
    );
    expect(input('On').value).toBe('30');
    expect(input('Off').value).toBe('70');
    expect(el.querySelector('.total')?.textContent).toContain('100%');
    expect(el.querySelector('[data-testid="split-error"]')).toBeNull();
  });

  it('explains a split that does not add up to 100 and emits the raw shares so editing can go on', async () => {
    const { el, emitted, type } = await render(
      partsToRollouts([
        { variationId: 'on', percent: 30 },
        { variationId: 'off', percent: 70 },
      ]),
    );
    await type('Off', '60');
    expect(el.querySelector('[data-testid="split-error"]')?.textContent).toContain(
      'The percentages add up to 90%, not 100%.',
    );
    const last = emitted.at(-1)!;
    expect(last.map((v) => v.rollout[1] - v.rollout[0]).map((x) => Math.round(x * 100))).toEqual([30, 60]);
    await type('Off', '70');
    expect(el.querySelector('[data-testid="split-error"]')).toBeNull();
    expect(emitted.at(-1)!.map((v) => v.rollout)).toEqual([
      [0, 0.3],
      [0.3, 1],
    ]);
  });

  it('starts a split evenly when switching from one variation, and back to the first served variation', async () => {
    const { fixture, el, emitted } = await render(serveSingle('off'));
    fixture.componentInstance.setMode('split');
    await fixture.whenStable();
    expect(emitted.at(-1)!.map((v) => v.rollout)).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
    expect(el.querySelector('[data-testid="split-On"]')).not.toBeNull();
    fixture.componentInstance.setMode('single');
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual(serveSingle('on'));
  });

  it('keeps a 100/0 split in split mode while the user edits it', async () => {
    const { fixture, el, type } = await render(
      partsToRollouts([
        { variationId: 'on', percent: 50 },
        { variationId: 'off', percent: 50 },
      ]),
    );
    await type('On', '100');
    await type('Off', '0');
    expect(fixture.componentInstance.mode()).toBe('split');
    expect(el.querySelector('[data-testid="split-On"]')).not.toBeNull();
  });
});
