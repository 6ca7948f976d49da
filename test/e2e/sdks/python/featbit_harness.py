"""Drives FeatBit's Python server SDK (fb-python-sdk) for the e2e suite: one JSON command per stdin line,
one JSON answer per stdout line. Users travel in the wire shape {keyId, name, customizedProperties}.

Usage: featbit_harness.py ENV_SECRET STREAMING_URL EVENT_URL
"""
import json
import logging
import sys
import time

from fbclient.client import FBClient
from fbclient.config import Config


def to_user(wire):
    user = {'key': wire['keyId'], 'name': wire.get('name') or wire['keyId']}
    for prop in wire.get('customizedProperties', []):
        user[prop['name']] = prop['value']
    return user


def evaluate(client, flags, user):
    # The Python SDK types every value by the flag's own type, so one call serves all four types.
    out = []
    for flag in flags:
        detail = client.variation_detail(flag['key'], user, None)
        out.append({'value': detail.variation, 'id': detail.variation_id, 'reason': detail.reason})
    return out


def await_value(client, cmd):
    # Polls the SDK's local store: the value changes only when a streamed update has been applied.
    user = to_user(cmd['user'])
    start = time.monotonic()
    deadline = start + cmd['timeoutMs'] / 1000
    while True:
        value = client.variation(cmd['flag'], user, None)
        if value == cmd['value']:
            return {'ok': True, 'elapsedMs': round((time.monotonic() - start) * 1000)}
        if time.monotonic() > deadline:
            return {'ok': False, 'last': value}
        time.sleep(0.002)


def main():
    secret, streaming_url, event_url = sys.argv[1:4]
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    client = FBClient(Config(secret, event_url, streaming_url, events_flush_interval=0.5), start_wait=20)
    print(json.dumps({'ready': client.initialize, 'sdk': 'fb-python-sdk'}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        name = cmd['cmd']
        if name == 'evaluate':
            answer = {'results': [evaluate(client, cmd['flags'], to_user(u)) for u in cmd['users']]}
        elif name == 'await':
            answer = await_value(client, cmd)
        elif name == 'track':
            client.track_metric(to_user(cmd['user']), cmd['event'], cmd.get('value', 1.0))
            answer = {'ok': True}
        elif name == 'flush':
            client.flush()
            answer = {'ok': True}
        elif name == 'close':
            client.stop()
            print(json.dumps({'ok': True}), flush=True)
            return
        else:
            answer = {'error': 'unknown command ' + name}
        print(json.dumps(answer), flush=True)
    client.stop()


if __name__ == '__main__':
    main()
