#!/usr/bin/python3
"""A MongoDB wire-protocol stand-in for tests: no real mongod can be installed on the CI machines.

Built only from Debian packages: python3-mockupdb speaks the wire protocol, python3-mongomock
evaluates queries in memory. It answers like a *standalone* mongod: no transactions and no change
streams (it returns the errors a standalone server returns). Data lives in memory only.

    python3 .ci/mongo-standin.py [port] [-v]      (port defaults to 27017, listens on 127.0.0.1)

Install: apt-get install -y --no-install-recommends python3-mockupdb python3-mongomock python3-bson-ext
(python3-bson-ext is optional: the C BSON codec makes 100k-document batches several times faster).

Known gaps (mongomock): positional array update paths ('a.0.b', '$[]'), pipeline updates,
collations, text search; unique indexes are checked by scanning the collection.
"""
import os
import sys

# Debian installs the modules for the system interpreter; a pyenv/virtualenv python3 on PATH
# would not see them, so re-run under /usr/bin/python3 when they are missing.
try:
    import mockupdb
    import mongomock
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3') and os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    sys.exit('mongo-standin: apt-get install -y --no-install-recommends python3-mockupdb python3-mongomock')

import copy
import datetime
import errno
import itertools
import threading
import time
import traceback
from collections import OrderedDict

import bson
from bson import Int64, ObjectId
from mongomock.filtering import filter_applies
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError, OperationFailure

WIRE_VERSION = 17  # MongoDB 6.0
DEFAULT_FIRST_BATCH = 101
MAX_BATCH_BYTES = 8 * 1024 * 1024
CURSOR_IDLE_SECONDS = 600

args = [a for a in sys.argv[1:] if not a.startswith('-')]
PORT = int(args[0]) if args else 27017
VERBOSE = '-v' in sys.argv

engine = mongomock.MongoClient()
lock = threading.RLock()  # one command at a time, like a global write lock
connection_ids = itertools.count(1)
cursor_ids = itertools.count(1000)
cursors = {}  # id -> [namespace, documents, position, last_used]


class CommandError(Exception):
    def __init__(self, code, message, code_name):
        super().__init__(message)
        self.code, self.code_name = code, code_name


def error_reply(code, message, code_name):
    return {'ok': 0.0, 'errmsg': message, 'code': code, 'codeName': code_name}


# ---- duplicate keys: name the index and the clashing key like mongod does ----

def unique_indexes(coll):
    for name, info in coll.index_information().items():
        if name == '_id_' or info.get('unique'):
            yield name, info


def key_of(doc, fields):
    values = []
    for field in fields:
        try:
            values.append(mongomock.helpers.get_value_by_dot(doc, field))
        except KeyError:
            values.append(None)
    return values


def duplicate_error(coll, ns, doc):
    """The E11000 write error for `doc`, naming the unique index it clashes with."""
    if doc.get('_id') is not None and not isinstance(doc['_id'], dict) and doc['_id'] in stored(coll):
        clash = ('_id_', ['_id'], [doc['_id']])
    else:
        clash = None
        for name, info in unique_indexes(coll):
            fields = [k for k, _ in info['key']]
            if fields == ['_id']:
                continue
            wanted = key_of(doc, fields)
            query = dict(zip(fields, wanted))
            if info.get('partialFilterExpression'):
                query = {'$and': [info['partialFilterExpression'], query]}
            matches = [d for d in coll.find(query) if d.get('_id') != doc.get('_id')]
            if matches:
                clash = (name, fields, wanted)
                break
        if clash is None:
            clash = ('unknown', ['_id'], [doc.get('_id')])
    name, fields, values = clash
    key_value = OrderedDict(zip(fields, values))
    return {
        'code': 11000,
        'errmsg': 'E11000 duplicate key error collection: %s index: %s dup key: %s' % (ns, name, dict(key_value)),
        'keyPattern': OrderedDict((f, 1) for f in fields),
        'keyValue': key_value,
    }


# ---- fast paths: mongomock copies every document it looks at, which is slow at 100k rows ----

def stored(coll):
    """The stored documents themselves (read-only use, under the global lock)."""
    return coll._store._documents


def insert_one(coll, doc):
    if '_id' not in doc:
        doc['_id'] = ObjectId()
    key = doc['_id']
    if isinstance(key, dict) or any(i.get('unique') for i in coll._store.indexes.values()):
        coll.insert_one(doc)  # mongomock's path checks the secondary unique indexes
        return
    if key in stored(coll):
        raise DuplicateKeyError('E11000 duplicate key error', 11000)
    stored(coll)[key] = doc


def find_by_ids(coll, doc):
    """find({_id: v} / {_id: {$in: [...]}}) by key lookups, as mongod uses its _id index; None if not that shape."""
    query = doc.get('filter') or {}
    if list(query) != ['_id'] or doc.get('skip') or doc.get('sort') not in (None, {}, {'_id': 1}):
        return None
    wanted = query['_id']
    if isinstance(wanted, dict):
        if list(wanted) != ['$in'] or not isinstance(wanted['$in'], list):
            return None
        keys = wanted['$in']
    else:
        keys = [wanted]
    if any(isinstance(k, (dict, list)) for k in keys):
        return None
    projection = doc.get('projection') or None
    if projection not in (None, {'_id': 1}, {'_id': True}):
        return None
    docs = stored(coll)
    found = [docs[k] for k in dict.fromkeys(keys) if k in docs]
    if doc.get('sort'):
        found.sort(key=lambda d: d['_id'])
    limit = abs(int(doc.get('limit') or 0))
    if limit:
        found = found[:limit]
    if projection:
        return [OrderedDict(_id=d['_id']) for d in found]
    return [copy.deepcopy(d) for d in found]


def count_matching(coll, query, skip=0, limit=0):
    n = sum(1 for doc in stored(coll).values() if filter_applies(query or {}, doc))
    n = max(0, n - skip)
    return min(n, limit) if limit else n


def counting_pipeline(pipeline):
    """(query, skip, limit, group id, output field) for [$match?, $skip?, $limit?, {$group: {_id, n: {$sum: 1}}}]."""
    if not pipeline or '$group' not in pipeline[-1]:
        return None
    group = pipeline[-1]['$group']
    fields = [k for k in group if k != '_id']
    if len(fields) != 1 or group[fields[0]] != {'$sum': 1} or group.get('_id') not in (1, None):
        return None
    query, skip, limit = {}, 0, 0
    for stage in pipeline[:-1]:
        if '$match' in stage and not query and not skip and not limit:
            query = stage['$match']
        elif '$skip' in stage and not limit:
            skip = int(stage['$skip'])
        elif '$limit' in stage:
            limit = int(stage['$limit'])
        else:
            return None
    return query, skip, limit, group.get('_id'), fields[0]


# ---- cursors ----

def cursor_reply(ns, docs, batch_size, first):
    """Hands out up to batch_size documents (and at most ~8 MB); parks the rest behind a cursor id."""
    docs = docs if isinstance(docs, list) else list(docs)
    limit = batch_size if batch_size else (DEFAULT_FIRST_BATCH if first else len(docs))
    batch, size = [], 0
    for doc in docs[:limit]:
        size += len(bson.encode(doc))
        if batch and size > MAX_BATCH_BYTES:
            break
        batch.append(doc)
    rest = docs[len(batch):]
    cursor_id = 0
    if rest:
        cursor_id = next(cursor_ids)
        cursors[cursor_id] = [ns, rest, 0, time.time()]
    return {'cursor': {'id': Int64(cursor_id), 'ns': ns, 'firstBatch' if first else 'nextBatch': batch}, 'ok': 1.0}


def get_more(doc):
    cursor_id = int(doc['getMore'])
    now = time.time()
    for cid in [c for c, v in cursors.items() if now - v[3] > CURSOR_IDLE_SECONDS]:
        del cursors[cid]
    entry = cursors.pop(cursor_id, None)
    if entry is None:
        raise CommandError(43, 'cursor id %d not found' % cursor_id, 'CursorNotFound')
    ns, docs = entry[0], entry[1]
    return cursor_reply(ns, docs, doc.get('batchSize'), first=False)


# ---- commands ----

def is_replacement(update):
    return isinstance(update, dict) and not any(k.startswith('$') for k in update)


def run_insert(coll, ns, doc):
    inserted, errors = 0, []
    for i, item in enumerate(doc.get('documents', [])):
        try:
            insert_one(coll, item)
            inserted += 1
        except DuplicateKeyError:
            errors.append(dict(duplicate_error(coll, ns, item), index=i))
            if doc.get('ordered', True):
                break
    reply = {'n': inserted, 'ok': 1.0}
    if errors:
        reply['writeErrors'] = errors
    return reply


def run_update(coll, ns, doc):
    matched = modified = 0
    upserted, errors = [], []
    for i, spec in enumerate(doc.get('updates', [])):
        query, update = spec.get('q') or {}, spec.get('u')
        upsert, multi = spec.get('upsert', False), spec.get('multi', False)
        try:
            if isinstance(update, list):
                raise CommandError(72, 'pipeline updates are not supported by the stand-in', 'InvalidOptions')
            if is_replacement(update):
                result = coll.replace_one(query, update, upsert=upsert)
            elif multi:
                result = coll.update_many(query, update, upsert=upsert, array_filters=spec.get('arrayFilters'))
            else:
                result = coll.update_one(query, update, upsert=upsert, array_filters=spec.get('arrayFilters'))
            matched += result.matched_count
            modified += result.modified_count
            if result.upserted_id is not None:
                upserted.append({'index': i, '_id': result.upserted_id})
        except DuplicateKeyError:
            probe = dict(query) if is_replacement(update) or not isinstance(update, dict) else dict(query, **update.get('$set', {}))
            errors.append(dict(duplicate_error(coll, ns, probe), index=i))
            if doc.get('ordered', True):
                break
    reply = {'n': matched + len(upserted), 'nModified': modified, 'ok': 1.0}
    if upserted:
        reply['upserted'] = upserted
    if errors:
        reply['writeErrors'] = errors
    return reply


def run_delete(coll, doc):
    removed = 0
    for spec in doc.get('deletes', []):
        query = spec.get('q') or {}
        result = coll.delete_one(query) if spec.get('limit', 0) == 1 else coll.delete_many(query)
        removed += result.deleted_count
    return {'n': removed, 'ok': 1.0}


def run_find_and_modify(coll, ns, doc):
    query, fields = doc.get('query') or {}, doc.get('fields')
    sort = list(doc['sort'].items()) if doc.get('sort') else None
    existing = coll.find_one(query, sort=sort)
    if doc.get('remove'):
        value = coll.find_one_and_delete(query, projection=fields, sort=sort)
        return {'lastErrorObject': {'n': 1 if value else 0}, 'value': value, 'ok': 1.0}
    update, upsert = doc.get('update'), doc.get('upsert', False)
    if isinstance(update, list):
        raise CommandError(72, 'pipeline updates are not supported by the stand-in', 'InvalidOptions')
    returned = ReturnDocument.AFTER if doc.get('new') else ReturnDocument.BEFORE
    try:
        if is_replacement(update):
            value = coll.find_one_and_replace(query, update, projection=fields, sort=sort, upsert=upsert, return_document=returned)
        else:
            value = coll.find_one_and_update(query, update, projection=fields, sort=sort, upsert=upsert,
                                             return_document=returned, array_filters=doc.get('arrayFilters'))
    except DuplicateKeyError:
        probe = dict(query, **(update.get('$set', {}) if not is_replacement(update) else update))
        err = duplicate_error(coll, ns, probe)
        return dict(error_reply(11000, err['errmsg'], 'DuplicateKey'), keyPattern=err['keyPattern'], keyValue=err['keyValue'])
    last = {'n': 1 if (existing is not None or upsert) else 0, 'updatedExisting': existing is not None}
    if existing is None and upsert:
        created = coll.find_one(query)
        if created is not None:
            last['upserted'] = created['_id']
    return {'lastErrorObject': last, 'value': value, 'ok': 1.0}


def run_create_indexes(coll, doc):
    before = len(coll.index_information())
    for spec in doc.get('indexes', []):
        options = {k: v for k, v in spec.items()
                   if k in ('name', 'unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression')}
        coll.create_index(list(spec['key'].items()), **options)
    return {'createdCollectionAutomatically': before == 0, 'numIndexesBefore': max(before, 1),
            'numIndexesAfter': len(coll.index_information()), 'ok': 1.0}


def run_list_indexes(db, coll, ns, doc):
    if coll.name not in db.list_collection_names():
        raise CommandError(26, 'ns does not exist: ' + ns, 'NamespaceNotFound')
    specs = []
    for name, info in coll.index_information().items():
        spec = OrderedDict(v=2, key=OrderedDict(info['key']), name=name)
        for option in ('unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression'):
            if option in info:
                spec[option] = info[option]
        specs.append(spec)
    return cursor_reply(ns, specs, (doc.get('cursor') or {}).get('batchSize'), first=True)


def hello():
    return OrderedDict(helloOk=True, ismaster=True, isWritablePrimary=True, maxBsonObjectSize=16 * 1024 * 1024,
                       maxMessageSizeBytes=48000000, maxWriteBatchSize=100000,
                       localTime=datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None),
                       logicalSessionTimeoutMinutes=30, connectionId=next(connection_ids),
                       minWireVersion=0, maxWireVersion=WIRE_VERSION, readOnly=False, ok=1.0)


def handle(name, doc, db_name):
    cmd = name.lower()
    if cmd in ('hello', 'ismaster'):
        return hello()
    if cmd in ('ping', 'endsessions', 'logout', 'setfeaturecompatibilityversion'):
        return {'ok': 1.0}
    if cmd == 'buildinfo':
        return {'version': '6.0.0-standin', 'versionArray': [6, 0, 0, 0], 'maxBsonObjectSize': 16 * 1024 * 1024, 'ok': 1.0}
    if cmd == 'getparameter':
        return {'featureCompatibilityVersion': {'version': '6.0'}, 'ok': 1.0}
    if cmd == 'killcursors':
        ids = [int(c) for c in doc.get('cursors', [])]
        for cid in ids:
            cursors.pop(cid, None)
        return {'cursorsKilled': ids, 'cursorsNotFound': [], 'cursorsAlive': [], 'cursorsUnknown': [], 'ok': 1.0}
    # A standalone mongod has no transactions: same error code and text as the real server.
    if cmd in ('committransaction', 'aborttransaction') or doc.get('startTransaction') or doc.get('autocommit') is False:
        raise CommandError(20, 'Transaction numbers are only allowed on a replica set member or mongos', 'IllegalOperation')
    if cmd == 'getmore':
        return get_more(doc)
    if cmd == 'listdatabases':
        return {'databases': [{'name': n, 'sizeOnDisk': 0, 'empty': False} for n in engine.list_database_names()],
                'totalSize': 0, 'ok': 1.0}
    db = engine[db_name]
    if cmd == 'dropdatabase':
        engine.drop_database(db_name)
        return {'dropped': db_name, 'ok': 1.0}
    if cmd == 'listcollections':
        wanted = (doc.get('filter') or {}).get('name')
        names = [n for n in db.list_collection_names() if not isinstance(wanted, str) or n == wanted]
        infos = [{'name': n, 'type': 'collection', 'options': {}, 'info': {'readOnly': False}} for n in names]
        return cursor_reply(db_name + '.$cmd.listCollections', infos, (doc.get('cursor') or {}).get('batchSize'), True)
    if cmd == 'dbstats':
        return {'db': db_name, 'collections': len(db.list_collection_names()), 'ok': 1.0}
    if cmd == 'create':
        if doc['create'] in db.list_collection_names():
            raise CommandError(48, 'Collection %s.%s already exists.' % (db_name, doc['create']), 'NamespaceExists')
        db.create_collection(doc['create'])
        return {'ok': 1.0}
    if cmd == 'drop':
        if doc['drop'] not in db.list_collection_names():
            raise CommandError(26, 'ns not found', 'NamespaceNotFound')
        db.drop_collection(doc['drop'])
        return {'ns': db_name + '.' + doc['drop'], 'ok': 1.0}

    collection_name = doc[name]
    if not isinstance(collection_name, str):
        raise CommandError(59, "no such command: '%s' (mongo stand-in)" % name, 'CommandNotFound')
    coll, ns = db[collection_name], db_name + '.' + collection_name
    if cmd == 'insert':
        return run_insert(coll, ns, doc)
    if cmd == 'update':
        return run_update(coll, ns, doc)
    if cmd == 'delete':
        return run_delete(coll, doc)
    if cmd == 'findandmodify':
        return run_find_and_modify(coll, ns, doc)
    if cmd == 'find':
        by_id = find_by_ids(coll, doc)
        if by_id is not None:
            return cursor_reply(ns, by_id, doc.get('batchSize'), first=True)
        found = coll.find(doc.get('filter') or {}, doc.get('projection') or None)
        if doc.get('sort'):
            found = found.sort(list(doc['sort'].items()))
        if doc.get('skip'):
            found = found.skip(int(doc['skip']))
        limit = int(doc.get('limit') or 0)
        if limit:
            found = found.limit(abs(limit))
        docs = list(found)
        if doc.get('singleBatch') or limit < 0:
            return {'cursor': {'id': Int64(0), 'ns': ns, 'firstBatch': docs}, 'ok': 1.0}
        return cursor_reply(ns, docs, doc.get('batchSize'), first=True)
    if cmd == 'aggregate':
        pipeline = doc.get('pipeline', [])
        if any('$changeStream' in stage for stage in pipeline):
            raise CommandError(40573, 'The $changeStream stage is only supported on replica sets', 'Location40573')
        counting = counting_pipeline(pipeline)
        if counting:
            query, skip, limit, group_id, field = counting
            n = count_matching(coll, query, skip, limit)
            docs = [OrderedDict([('_id', group_id), (field, n)])] if n else []
        else:
            docs = list(coll.aggregate(pipeline))
        return cursor_reply(ns, docs, (doc.get('cursor') or {}).get('batchSize'), True)
    if cmd == 'count':
        return {'n': count_matching(coll, doc.get('query'), int(doc.get('skip') or 0), int(doc.get('limit') or 0)), 'ok': 1.0}
    if cmd == 'distinct':
        return {'values': coll.distinct(doc['key'], doc.get('query') or {}), 'ok': 1.0}
    if cmd == 'createindexes':
        return run_create_indexes(coll, doc)
    if cmd == 'listindexes':
        return run_list_indexes(db, coll, ns, doc)
    if cmd == 'dropindexes':
        index = doc.get('index')
        if index == '*':
            coll.drop_indexes()
        elif isinstance(index, str):
            coll.drop_index(index)
        elif isinstance(index, list):
            for one in index:
                coll.drop_index(one)
        else:
            coll.drop_index(list(index.items()))
        return {'ok': 1.0}
    if cmd == 'collstats':
        return {'ns': ns, 'count': coll.count_documents({}), 'size': 0, 'ok': 1.0}
    raise CommandError(59, "no such command: '%s' (mongo stand-in)" % name, 'CommandNotFound')


def respond(request):
    try:
        doc = request.doc
        db_name = request.namespace.split('.')[0] if request.namespace else doc.get('$db', 'test')
        with lock:
            try:
                reply = handle(request.command_name, doc, db_name)
            except CommandError as e:
                reply = error_reply(e.code, str(e), e.code_name)
            except DuplicateKeyError as e:
                reply = error_reply(11000, 'E11000 duplicate key error %s' % e, 'DuplicateKey')
            except OperationFailure as e:
                reply = error_reply(e.code or 2, str(e), 'BadValue')
            except Exception as e:  # mongomock gaps surface as command errors, never as a dropped connection
                if VERBOSE:
                    traceback.print_exc()
                reply = error_reply(2, '%s: %s' % (type(e).__name__, e), 'BadValue')
        if VERBOSE:
            print(request.command_name, db_name, '->', {k: reply[k] for k in ('ok', 'errmsg') if k in reply}, flush=True)
        unacknowledged = isinstance(request, mockupdb.OpMsg) and request.flags & mockupdb.OP_MSG_FLAGS['moreToCome']
        if not unacknowledged:
            request.replies(reply)
    except Exception:
        traceback.print_exc()
        request.replies(error_reply(1, 'stand-in internal error', 'InternalError'))
    return True


def patch_mockupdb():
    """mockupdb is written for small test messages; make it cope with 100k-document batches."""

    def receive(sock, length):
        # Fill one buffer instead of concatenating chunks (quadratic on 25 MB inserts).
        buffer = bytearray(length)
        view, got = memoryview(buffer), 0
        while got < length:
            n = sock.recv_into(view[got:], length - got)
            if n == 0:
                raise OSError(errno.ECONNRESET, 'closed')
            got += n
        return bytes(buffer)

    mockupdb.mock_server_receive = receive

    # Its log lines format repr() of every request and reply even when not verbose.
    def short_repr(self):
        return '<%s>' % type(self).__name__

    for value in list(vars(mockupdb).values()):
        if isinstance(value, type) and issubclass(value, (mockupdb.Request, mockupdb.Reply)):
            value.__repr__ = short_repr


def main():
    patch_mockupdb()
    server = mockupdb.MockupDB(port=PORT, request_timeout=10 ** 6, verbose=False)
    server._address = ('127.0.0.1', PORT)  # loopback only (mockupdb binds "localhost" by default)
    server.autoresponds(respond)
    port = server.run()
    print('mongo stand-in listening on 127.0.0.1:%d (standalone, maxWireVersion %d)' % (port, WIRE_VERSION), flush=True)
    if not bson.has_c():
        print('note: python3-bson-ext is not installed; BSON runs in pure Python and big batches are ~3x slower', flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == '__main__':
    main()
