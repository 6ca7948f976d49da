import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './api-envelope';
import { FlagsApi } from './flags.api';

// The facades run the generated client over Angular's HttpClient: same URLs, params and bodies as
// the API documents, the envelope unwrapped and every failure one ApiError.
describe('FlagsApi over the generated client', () => {
  let api: FlagsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(FlagsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends the documented query, leaving out empty values, and unwraps the page', async () => {
    const page = firstValueFrom(
      api.list('env 1', { name: '', tags: ['a', 'b'], isEnabled: null, pageIndex: 0, pageSize: 10 }),
    );
    const req = http.expectOne((r) => r.url === '/api/v1/envs/env%201/feature-flags');
    expect(req.request.method).toBe('GET');
    expect(req.request.urlWithParams).toBe(
      '/api/v1/envs/env%201/feature-flags?pageIndex=0&pageSize=10&tags=a&tags=b&isArchived=false',
    );
    req.flush({ success: true, errors: [], data: { totalCount: 0, items: [] } });
    expect(await page).toEqual({ totalCount: 0, items: [] });
  });

  it('puts the body on the documented path and answers the new revision', async () => {
    const revision = firstValueFrom(api.toggle('e', 'my.flag', true, 'why'));
    const req = http.expectOne('/api/v1/envs/e/feature-flags/my.flag/toggle/true');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ comment: 'why' });
    req.flush({ success: true, errors: [], data: 'r2' });
    expect(await revision).toBe('r2');
  });

  it('turns a failed envelope and an HTTP error into ApiError', async () => {
    const refused = firstValueFrom(api.get('e', 'k'));
    http
      .expectOne('/api/v1/envs/e/feature-flags/k')
      .flush({ success: false, errors: ['KeyHasBeenUsed'], data: null });
    await expect(refused).rejects.toMatchObject({ status: 200, codes: ['KeyHasBeenUsed'] });

    const missing = firstValueFrom(api.get('e', 'gone'));
    http
      .expectOne('/api/v1/envs/e/feature-flags/gone')
      .flush(
        { success: false, errors: ['ResourceNotFound'], data: null },
        { status: 404, statusText: 'Not Found' },
      );
    const err: unknown = await missing.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).has('resource_not_found')).toBe(true);
  });
});
