import { SetMetadata } from '@nestjs/common';

// Every Nest route declares how it is accessed; the api role's global access guard reads this from
// the matched route and refuses a route that declares nothing (deny by default).

export const ACCESS_RULE = 'api:access-rule';

/** Anonymous access: login, refresh-token, health probes. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } as const);
