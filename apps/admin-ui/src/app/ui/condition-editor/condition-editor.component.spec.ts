import { TestBed } from '@angular/core/testing';
import type { Condition } from '../../api/api.models';
import { ConditionEditorComponent } from './condition-editor.component';

async function render(condition: Condition, segments: { id: string; name: string }[] | null = null) {
  const fixture = TestBed.createComponent(ConditionEditorComponent);
  fixture.componentRef.setInput('condition', condition);
  fixture.componentRef.setInput('segments', segments);
  const emitted: Condition[] = [];
  fixture.componentInstance.conditionChange.subscribe((c) => {
    emitted.push(c);
    fixture.componentRef.setInput('condition', c);
  });
  await fixture.whenStable();
  return { fixture, component: fixture.componentInstance, el: fixture.nativeElement as HTMLElement, emitted };
}

describe('ConditionEditorComponent', () => {
  it('offers the operators of the chosen type and switches to a valid one', async () => {
    const { fixture, component, emitted } = await render({
      id: 'c',
      property: 'version',
      op: 'IsOneOf',
      value: '["a"]',
    });
    component.setType('semver');
    await fixture.whenStable();
    expect(component.operators().map((o) => o.op)).toEqual([
      'SemVerEqual',
      'SemVerGreaterThan',
      'SemVerLessThan',
    ]);
    // A list value becomes the single value the semver operator compares with.
    expect(emitted.at(-1)).toEqual({ id: 'c', property: 'version', op: 'SemVerEqual', value: 'a' });
  });

  it('infers the type of a stored date condition and explains an invalid value', async () => {
    const { component, el } = await render({
      id: 'c',
      property: 'signedUpAt',
      op: 'Before',
      value: 'yesterday',
    });
    expect(component.type()).toBe('datetime');
    expect(el.textContent).toContain('Enter an ISO-8601 date or date-time');
  });

  it('keeps list values as a JSON array and clears the value for operators without one', async () => {
    const { fixture, component, emitted } = await render({
      id: 'c',
      property: 'country',
      op: 'IsOneOf',
      value: '["NL"]',
    });
    component.addPreset('BE');
    await fixture.whenStable();
    expect(emitted.at(-1)?.value).toBe('["NL","BE"]');
    component.removeListValue('NL');
    await fixture.whenStable();
    expect(emitted.at(-1)?.value).toBe('["BE"]');
    component.setType('boolean');
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual({ id: 'c', property: 'country', op: 'IsTrue', value: '' });
  });

  it('turns into a segment condition with the segment picker, and back', async () => {
    const segments = [{ id: 's1', name: 'Beta testers' }];
    const { fixture, component, el, emitted } = await render(
      { id: 'c', property: 'plan', op: 'Equal', value: 'pro' },
      segments,
    );
    component.setProperty('User is in segment');
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual({ id: 'c', property: 'User is in segment', op: null, value: '[]' });
    expect(el.querySelector('[data-testid="condition-segments"]')).not.toBeNull();
    component.setSegments(['s1']);
    await fixture.whenStable();
    expect(emitted.at(-1)?.value).toBe('["s1"]');
    component.setProperty('plan');
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual({ id: 'c', property: 'plan', op: 'IsOneOf', value: '[]' });
  });
});
