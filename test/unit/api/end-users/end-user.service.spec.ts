/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import type { AppConfig } from '../../../../src/config/app-config';
import { EndUserService } from '../../../../src/api/end-users/end-user.service';
import { BusinessRuleError, ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import type { EndUserPropertyDefinition } from '../../../../src/core/end-users/end-user';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { FlagRepository, SegmentRepository } from '../../../../src/core/ports/targeting.repositories';
import type {
  EndUserPropertyRepository,
  EndUserRepository,
} from '../../../../src/core/ports/users-and-events.repositories';

const property = (
  id: string,
  name: string,
  isBuiltIn: boolean,
  envId = 'env-1',
): EndUserPropertyDefinition => ({
  id,
  envId,
  name,
  presetValues: [],
  usePresetValuesOnly: false,
  isBuiltIn,
  isDigestField: false,
  remark: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

function setUp() {
  let rows = [
    property('p-key', 'keyId', true),
    property('p-plan', 'plan', false),
    property('p-other', 'x', false, 'env-2'),
  ];
  const properties = {
    list: async (envId: string) => rows.filter((p) => p.envId === envId),
    findById: async (id: string) => rows.find((p) => p.id === id) ?? null,
    upsert: async (p: EndUserPropertyDefinition) => {
      rows = [...rows.filter((r) => r.id !== p.id), p];
      return p;
    },
    delete: async (id: string) => {
      rows = rows.filter((p) => p.id !== id);
    },
  } as Partial<EndUserPropertyRepository> as EndUserPropertyRepository;
  const service = new EndUserService(
    {} as DataStore,
    {} as EndUserRepository,
    properties,
    {} as FlagRepository,
    {} as SegmentRepository,
    {} as AppConfig,
  );
  return { service, rows: () => rows };
}

describe('EndUserService property catalogue', () => {
  it('lists built-in properties first', async () => {
    const { service } = setUp();
    expect((await service.listProperties('env-1')).map((p) => p.name)).toEqual(['keyId', 'plan']);
  });

  it('never changes or removes a built-in property, nor lets a custom one take a built-in name', async () => {
    const { service, rows } = setUp();
    await expect(service.upsertProperty('env-1', 'p-key', { name: 'id' })).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    await expect(service.deleteProperty('env-1', 'p-key')).rejects.toBeInstanceOf(BusinessRuleError);
    await expect(service.upsertProperty('env-1', 'p-new', { name: 'name' })).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    expect(rows().map((p) => p.id)).toEqual(['p-key', 'p-plan', 'p-other']);
  });

  it('does not reach a property of another environment', async () => {
    const { service, rows } = setUp();
    await expect(service.upsertProperty('env-1', 'p-other', { name: 'y' })).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
    await expect(service.deleteProperty('env-1', 'p-other')).rejects.toBeInstanceOf(ResourceNotFoundError);
    expect(rows().find((p) => p.id === 'p-other')?.name).toBe('x');
  });

  it('keeps the creation time when editing and gives preset values ids', async () => {
    const { service } = setUp();
    const saved = await service.upsertProperty('env-1', 'p-plan', {
      name: ' plan ',
      presetValues: [{ value: 'pro', description: '' }],
    });
    expect(saved.name).toBe('plan');
    expect(saved.createdAt).toBe('2024-01-01T00:00:00.000Z');
    expect(saved.presetValues[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
