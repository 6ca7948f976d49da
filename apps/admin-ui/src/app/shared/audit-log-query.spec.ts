import { auditFormProblem, auditSubject, EMPTY_AUDIT_FORM, toAuditFilter } from './audit-log-query';

describe('audit log query', () => {
  it('sends only the filters that are set, text trimmed', () => {
    expect(toAuditFilter(EMPTY_AUDIT_FORM, 0, 20)).toEqual({ pageIndex: 0, pageSize: 20 });
    expect(
      toAuditFilter({ ...EMPTY_AUDIT_FORM, refType: 'Segment', creatorId: 'u1', query: '  beta ' }, 2, 20),
    ).toEqual({ pageIndex: 2, pageSize: 20, refType: 'Segment', creatorId: 'u1', query: 'beta' });
  });

  it('turns the date range into whole local days, both inclusive', () => {
    const filter = toAuditFilter({ ...EMPTY_AUDIT_FORM, from: '2025-03-01', to: '2025-03-02' }, 0, 20);
    expect(filter.from).toBe(new Date(2025, 2, 1, 0, 0, 0, 0).toISOString());
    expect(filter.to).toBe(new Date(2025, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it('ignores a malformed date and refuses a reversed range', () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FORM, from: '03/01/2025' }, 0, 20).from).toBeUndefined();
    expect(auditFormProblem({ ...EMPTY_AUDIT_FORM, from: '2025-03-02', to: '2025-03-01' })).toBe(
      'The start date is after the end date.',
    );
    expect(auditFormProblem({ ...EMPTY_AUDIT_FORM, from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });

  it('names what an entry changed', () => {
    expect(auditSubject({ refType: 'FeatureFlag', keyword: 'checkout' })).toBe('Feature flag “checkout”');
    expect(auditSubject({ refType: 'Policy', keyword: '' })).toBe('Policy');
    expect(auditSubject({ refType: 'FeatureFlag', keyword: 'checkout,New checkout, v2' })).toBe(
      'Feature flag “New checkout, v2” (checkout)',
    );
  });
});
