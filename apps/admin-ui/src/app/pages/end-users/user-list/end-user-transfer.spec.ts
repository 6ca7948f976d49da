import { importSummary } from './end-user-transfer';

describe('end-user import summary', () => {
  it('says how many users were written, and why some were skipped', () => {
    const base = { errors: [], newProperties: [], skippedCount: 0, totalCount: 3, writtenCount: 3 };
    expect(importSummary(base)).toBe('Imported 3 users, 3 new or changed');
    expect(
      importSummary({ ...base, writtenCount: 2, skippedCount: 1, errors: ['users[1]: keyId is required'] }),
    ).toBe('Imported 3 users, 2 new or changed (1 skipped: users[1]: keyId is required)');
  });
});
