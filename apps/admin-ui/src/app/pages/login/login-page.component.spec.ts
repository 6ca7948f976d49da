import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginPageComponent } from './login-page.component';

describe('LoginPageComponent (first sign-in hint)', () => {
  it('points to the file that holds the generated password, not the log', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    const fixture = TestBed.createComponent(LoginPageComponent);
    await fixture.whenStable();
    const hint = (fixture.nativeElement as HTMLElement).querySelector('.hint')?.textContent ?? '';
    const text = hint.replace(/\s+/g, ' ');
    expect(text).toContain('initial-admin-password');
    expect(text).toContain('DATA_DIR');
    expect(text).not.toContain('printed in the server log');
  });
});
