import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../support/product';
import type { ConsoleSession } from './console-session';

// The console's routes as its router declares them, read from app.routes.ts and the feature route
// files it lazily loads, so an audit over "every route" picks up a page as soon as it is routed.

const APP_ROUTES = join(REPO_ROOT, 'apps/admin-ui/src/app/app.routes.ts');

export interface ConsoleRoute {
  /** e.g. `/feature-flags/:key/targeting` */
  path: string;
  /** Whether the route sits under the signed-in shell (the login pages do not). */
  signedIn: boolean;
}

function propertyOf(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
  }
  return undefined;
}

function stringProperty(node: ts.ObjectLiteralExpression, name: string): string | undefined {
  const value = propertyOf(node, name);
  return value && ts.isStringLiteral(value) ? value.text : undefined;
}

/** The file a `loadChildren: () => import('./x.routes')` points at. */
function loadedFile(node: ts.ObjectLiteralExpression, from: string): string | undefined {
  const loader = propertyOf(node, 'loadChildren');
  if (!loader) return undefined;
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteral(arg)) found = join(dirname(from), `${arg.text}.ts`);
    }
    ts.forEachChild(n, visit);
  };
  visit(loader);
  return found;
}

function routesIn(file: string, prefix: string, signedIn: boolean, out: ConsoleRoute[]): void {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const walkArray = (array: ts.ArrayLiteralExpression, base: string, inShell: boolean): void => {
    for (const element of array.elements) {
      if (!ts.isObjectLiteralExpression(element)) continue;
      const segment = stringProperty(element, 'path') ?? '';
      if (segment === '**' || propertyOf(element, 'redirectTo')) continue;
      const path = [base, segment].filter(Boolean).join('/');
      // The shell is the path-less route with children that holds every signed-in page.
      const shell = inShell || (segment === '' && !!propertyOf(element, 'canActivate'));
      const children = propertyOf(element, 'children');
      const lazy = loadedFile(element, file);
      if (lazy) routesIn(lazy, path, shell, out);
      else if (children && ts.isArrayLiteralExpression(children)) {
        // A parent with a component and children renders one of the children, never itself alone.
        walkArray(children, path, shell);
      } else if (propertyOf(element, 'loadComponent') || propertyOf(element, 'component')) {
        out.push({ path: `/${path}`, signedIn: shell });
      }
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isArrayLiteralExpression(n.initializer)) {
      walkArray(n.initializer, prefix, signedIn);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
}

export function consoleRoutes(): ConsoleRoute[] {
  const out: ConsoleRoute[] = [];
  routesIn(APP_ROUTES, '', false, out);
  return out;
}

/**
 * The route with its parameters replaced by seeded values; `values` is keyed by parameter name, or by
 * `section:parameter` where a name means different things per section (`:id` of segments and users).
 */
export function fillRoute(path: string, values: Record<string, string>): string {
  const section = path.split('/')[1] ?? '';
  return path.replace(/:([A-Za-z]+)/g, (whole, name: string) => {
    const value = values[`${section}:${name}`] ?? values[name];
    if (value === undefined) {
      throw new Error(`no seeded value for ${whole} in ${path}: seed one in console-accessibility`);
    }
    return encodeURIComponent(value);
  });
}

/**
 * Creates what every routed page needs to show something (a flag, a segment, an end user, an
 * experiment, a group, a relay proxy) and answers the values that fill the routes' parameters.
 */
export async function seedEveryPage(s: ConsoleSession): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  const env = `/envs/${s.env.id}`;
  const on = { id: 'a11y-on', name: 'On', value: 'true' };
  const off = { id: 'a11y-off', name: 'Off', value: 'false' };
  const flag = await s.api.ok<{ id: string }>('POST', `${env}/feature-flags`, {
    name: 'Checkout redesign',
    key: 'checkout-redesign',
    description: 'The new checkout',
    isEnabled: true,
    variationType: 'boolean',
    variations: [on, off],
    enabledVariationId: on.id,
    disabledVariationId: off.id,
    tags: ['checkout'],
  });
  values.key = 'checkout-redesign';
  const segment = await s.api.ok<{ id: string }>('POST', `${env}/segments`, {
    name: 'Beta testers',
    key: 'beta-testers',
    description: 'People trying new things',
  });
  values['segments:id'] = segment.id;
  const user = await s.api.ok<{ id: string }>('PUT', `${env}/end-users`, {
    keyId: 'alice',
    name: 'Alice',
    customizedProperties: [{ name: 'plan', value: 'pro' }],
  });
  values['end-users:id'] = user.id;
  const profile = await s.api.ok<{ id: string }>('GET', '/user/profile');
  const metric = await s.api.ok<{ id: string }>('POST', `${env}/experiment-metrics`, {
    name: 'Checkout',
    maintainerUserId: profile.id,
    eventName: 'checkout',
    eventType: 1,
    customEventTrackOption: 1,
  });
  await s.api.ok('POST', `${env}/experiments`, {
    featureFlagId: flag.id,
    metricId: metric.id,
    baseLineVariationId: off.id,
  });
  await s.api.ok('POST', '/groups', { name: 'Readers', description: 'Read-only people' });
  const groups = await s.api.ok<{ items: { id: string }[] }>('GET', '/groups');
  values.groupId = groups.items[0].id;
  await s.api.ok('POST', '/relay-proxies', {
    // Words the language check already knows as seeded data.
    name: 'Production',
    description: 'The new checkout',
    isAllEnvs: false,
    scopes: [s.env.id],
    agents: [{ id: 'a11y-agent', name: 'Playground', host: 'http://127.0.0.1:1' }],
  });
  const members = await s.api.ok<{ items: { id: string }[] }>('GET', '/members');
  values.memberId = members.items[0].id;
  const policies = await s.api.ok<{ items: { id: string }[] }>('GET', '/policies');
  values.policyId = policies.items[0].id;
  return values;
}
