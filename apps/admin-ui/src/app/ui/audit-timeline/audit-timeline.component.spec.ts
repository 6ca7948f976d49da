import { TestBed } from '@angular/core/testing';
import type { AuditLogEntry } from '../../api/api.models';
import { aFlag } from '../../shared/test-flag';
import { AuditTimelineComponent } from './audit-timeline.component';

function entry(
  operation: string,
  previous: object | null,
  current: object | null,
  comment = '',
): AuditLogEntry {
  return {
    id: operation + comment,
    envId: 'e1',
    refId: 'f1',
    refType: 'FeatureFlag',
    operation,
    keyword: '',
    dataChange: {
      previous: previous ? JSON.stringify(previous) : '',
      current: current ? JSON.stringify(current) : '',
    },
    comment,
    creatorId: 'u1',
    creatorName: 'Ada',
    creatorEmail: 'ada@example.com',
    createdAt: '2025-01-01T00:00:00.000Z',
    instructions: [],
  };
}

describe('AuditTimelineComponent (diff rendering)', () => {
  it('renders each entry as who, what and the readable change lines', async () => {
    const fixture = TestBed.createComponent(AuditTimelineComponent);
    const before = aFlag();
    const after = aFlag({ isEnabled: false, tags: ['web'] });
    fixture.componentRef.setInput('entries', [
      entry('Update', before, after, 'Pause during the incident'),
      entry('Create', null, before),
    ]);
    await fixture.whenStable();
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li.entry'));
    expect(items).toHaveLength(2);
    const first = items[0].textContent ?? '';
    expect(first).toContain('Ada');
    expect(first).toContain('“Pause during the incident”');
    const lines = Array.from(items[0].querySelectorAll('ff-change-list li')).map((li) =>
      li.textContent?.trim(),
    );
    expect(lines).toEqual([
      expect.stringContaining('Turned the flag OFF'),
      expect.stringContaining('Added tags web'),
    ]);
    expect(items[1].textContent).toContain('Created the flag “New checkout”');
  });

  it('says so when there is no history and offers more when there is', async () => {
    const fixture = TestBed.createComponent(AuditTimelineComponent);
    fixture.componentRef.setInput('entries', []);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No changes recorded yet.');
    fixture.componentRef.setInput('entries', [entry('Create', null, aFlag())]);
    fixture.componentRef.setInput('hasMore', true);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Load more');
  });
});
