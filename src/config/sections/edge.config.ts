import { isRelayProxyKey } from '../../core/integrations/relay-proxy-key';
import { httpUrl, int, path } from '../env-parsers';
import { type EnvParser, variable } from '../env-variable.types';

/** A relay-proxy key (`rp-…`): an SDK secret or anything else is refused at start, not at first use. */
function relayKey(): EnvParser<string> {
  return {
    parse: (raw) =>
      isRelayProxyKey(raw)
        ? { ok: true, value: raw }
        : {
            ok: false,
            message:
              'must be a relay-proxy key (rp-…, shown once when the relay proxy is created); an SDK secret is not one',
          },
  };
}

/** AppConfig.edge: read only by the edge role (docs/relay-proxies.md#edge-role). */
export const EDGE_CONFIG = {
  upstreamUrl: variable({
    name: 'EDGE_UPSTREAM_URL',
    description:
      'Edge role: the installation it relays (its evaluation role, http or https); also --upstream',
    parser: httpUrl(),
    default: null,
    defaultText: 'required by the edge role',
  }),
  relayKey: variable({
    name: 'EDGE_RELAY_KEY',
    description: "Edge role: the relay proxy's key (rp-…) from the upstream's console; also --relay-key",
    parser: relayKey(),
    default: null,
    defaultText: 'required by the edge role',
    secret: true,
  }),
  dataDir: variable({
    name: 'EDGE_DATA_DIR',
    description:
      'Edge role: where it keeps its agent id, the last flags it received and the insights not yet forwarded; also --edge-data-dir',
    parser: path(),
    default: null,
    defaultText: 'DATA_DIR/edge',
  }),
  insightBufferBytes: variable({
    name: 'EDGE_INSIGHT_BUFFER_BYTES',
    description:
      'Edge role: most bytes of insights kept on disk while the upstream cannot take them (the oldest are dropped and counted)',
    parser: int(65_536, 10_737_418_240),
    default: 67_108_864,
  }),
};
