import { int } from '../env-parsers';
import { variable } from '../env-variable.types';

/** AppConfig.limits. */
export const LIMITS_CONFIG = {
  bodyLimitBytes: variable({
    name: 'BODY_LIMIT_BYTES',
    description: 'Largest accepted JSON request body',
    parser: int(1024, 1_073_741_824),
    default: 1_048_576,
  }),
  uploadLimitBytes: variable({
    name: 'UPLOAD_LIMIT_BYTES',
    description: 'Largest end-user import file',
    parser: int(1024, 10_737_418_240),
    default: 524_288_000,
  }),
  insightMaxItems: variable({
    name: 'INSIGHT_MAX_ITEMS',
    description: 'Most items in one insight/track request',
    parser: int(1, 1_000_000),
    default: 1000,
  }),
  wsMaxMessageBytes: variable({
    name: 'WS_MAX_MESSAGE_BYTES',
    description: 'Largest WebSocket message accepted from an SDK',
    parser: int(256, 67_108_864),
    default: 65_536,
  }),
  /** Open streaming connections per client address; 0 = no limit. */
  wsMaxConnectionsPerIp: variable({
    name: 'WS_MAX_CONNECTIONS_PER_IP',
    description:
      'Open /streaming connections allowed per client address; more are refused with 429 (0 = off)',
    parser: int(0, 100_000_000),
    default: 1000,
  }),
  wsMaxBufferedBytes: variable({
    name: 'WS_MAX_BUFFERED_BYTES',
    description: 'A connection whose unsent data exceeds this is closed',
    parser: int(65_536, 4_294_967_296),
    default: 33_554_432,
  }),
};
