import { ProfileService } from '../../../../src/api/identity/profile.service';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import { InMemoryIam } from '../support/in-memory-iam';

describe('ProfileService', () => {
  it('stores a trimmed name and a trimmed, lower-cased e-mail', async () => {
    const db = new InMemoryIam();
    const user = db.addUser('ada@x.io');
    const updated = await new ProfileService(db.users, db.workspaces).update(user, {
      name: '  Ada  ',
      email: '  Ada.Lovelace@X.IO ',
    });
    expect(updated).toMatchObject({ id: user.id, name: 'Ada', email: 'ada.lovelace@x.io' });
    expect(await db.users.findById(user.id)).toMatchObject({ email: 'ada.lovelace@x.io' });
  });

  it("refuses another account's e-mail, whatever its case", async () => {
    const db = new InMemoryIam();
    const user = db.addUser('ada@x.io');
    db.addUser('grace@x.io');
    const profiles = new ProfileService(db.users, db.workspaces);
    await expect(profiles.update(user, { name: 'Ada', email: 'GRACE@x.io' })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(await db.users.findById(user.id)).toMatchObject({ email: 'ada@x.io' });
  });
});
