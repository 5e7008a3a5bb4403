// Checks the two peers against each other and against deliberately wrong counterparts, so that
// a green interop run against the C# code means something: the peers must pass each other with
// zero errors, and must notice schema violations in either direction.
//
// run: cd tests/interop && npm ci && node --test

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { RPCClient, RPCServer } from 'ocpp-rpc';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Starts a peer script; collects its NDJSON events. */
function startPeer(script, args) {
    const child = spawn(process.execPath, [path.join(HERE, script), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const events = [];
    const waiters = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', d => { stderr += d; });
    child.stdout.on('data', chunk => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            let event;
            try {
                event = JSON.parse(line);
            } catch {
                event = { event: 'NOT-JSON', line };
            }
            events.push(event);
            for (const w of [...waiters]) {
                if (w.pred(event)) {
                    waiters.splice(waiters.indexOf(w), 1);
                    w.resolve(event);
                }
            }
        }
    });
    const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
    return {
        child,
        events,
        get stderr() { return stderr; },
        exited,
        waitFor(pred, ms = 10000) {
            const found = events.find(pred);
            if (found) return Promise.resolve(found);
            return new Promise((resolve, reject) => {
                const w = { pred, resolve };
                waiters.push(w);
                setTimeout(() => reject(new Error(`timed out waiting in ${script}; stderr:\n${stderr}`)), ms).unref();
            });
        },
        summary() { return events.find(e => e.event === 'summary'); },
        errors() { return events.filter(e => e.event === 'error'); },
    };
}

const CS_TO_CP_ACTIONS = [
    'CancelReservation', 'ChangeAvailability', 'ChangeConfiguration', 'ClearCache', 'ClearChargingProfile',
    'DataTransfer', 'GetCompositeSchedule', 'GetConfiguration', 'GetDiagnostics', 'GetLocalListVersion',
    'RemoteStartTransaction', 'RemoteStopTransaction', 'ReserveNow', 'Reset', 'SendLocalList',
    'SetChargingProfile', 'TriggerMessage', 'UnlockConnector', 'UpdateFirmware',
];

test('charge point core-session against central system all-actions: zero errors both ways', async () => {
    const cs = startPeer('central-system.mjs', ['--port', '0', '--script', 'all-actions', '--timeout-seconds', '30']);
    const { port } = await cs.waitFor(e => e.event === 'listening');
    const cp = startPeer('charge-point.mjs', ['--url', `ws://127.0.0.1:${port}/ocpp`, '--id', 'CP001', '--serve-seconds', '20']);

    await cp.waitFor(e => e.event === 'ready');
    const [csCode, cpCode] = await Promise.all([cs.exited, cp.exited]);

    for (const peer of [cs, cp]) {
        assert.deepEqual(peer.events.filter(e => e.event === 'NOT-JSON'), [], 'stdout must be NDJSON only');
        assert.deepEqual(peer.errors(), [], `no error events; stderr:\n${peer.stderr}`);
        assert.equal(peer.summary().errors, 0);
        assert.equal(peer.summary().schemaFailures, 0);
    }
    assert.equal(csCode, 0);
    assert.equal(cpCode, 0);

    const sent = new Set(cs.events.filter(e => e.event === 'call').map(e => e.action));
    assert.deepEqual([...sent].sort(), CS_TO_CP_ACTIONS);
    const answered = new Set(cp.events.filter(e => e.event === 'received').map(e => e.action));
    assert.deepEqual([...answered].sort(), CS_TO_CP_ACTIONS);

    const triggers = cs.events.filter(e => e.event === 'call' && e.action === 'TriggerMessage').map(e => e.request.requestedMessage);
    assert.deepEqual(triggers.sort(), ['BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StatusNotification']);

    // The remote start really started a transaction, and the remote stop named it.
    const remoteStart = cs.events.find(e => e.event === 'received' && e.action === 'StartTransaction' && e.params.idTag === 'REMOTE001');
    assert.ok(remoteStart, 'StartTransaction after RemoteStartTransaction');
    const remoteStop = cs.events.find(e => e.event === 'call' && e.action === 'RemoteStopTransaction');
    assert.equal(remoteStop.request.transactionId, remoteStart.reply.transactionId);
    const stopped = cs.events.find(e => e.event === 'received' && e.action === 'StopTransaction' && e.params.reason === 'Remote');
    assert.equal(stopped?.params.transactionId, remoteStart.reply.transactionId);

    const cpCalls = cp.events.filter(e => e.event === 'call').map(e => e.action);
    assert.deepEqual(cpCalls.slice(0, 17), [
        'BootNotification', 'StatusNotification', 'StatusNotification', 'StatusNotification', 'Heartbeat', 'Authorize',
        'StatusNotification', 'StartTransaction', 'StatusNotification', 'MeterValues', 'StopTransaction',
        'StatusNotification', 'StatusNotification', 'DataTransfer', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification',
        'StatusNotification', // ChangeAvailability follow-up
    ]);
    assert.equal(cp.summary().calls, cpCalls.length);
    assert.equal(cs.summary().received, cp.summary().calls);
    assert.equal(cp.summary().received, cs.summary().calls);
});

test('charge point reports every schema violation of a lax central system', async () => {
    const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: false });
    const wire = [];
    server.on('client', client => {
        client.on('message', ({ message, outbound }) => { if (!outbound) wire.push(JSON.parse(String(message))); });
        const t = new Date().toISOString();
        client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: t, interval: 300 }));
        client.handle('StatusNotification', () => ({ unexpected: true }));              // additionalProperties
        client.handle('Heartbeat', () => ({ currentTime: 'yesterday' }));                // format date-time
        client.handle('Authorize', () => ({ idTagInfo: { status: 'Accepted' } }));
        client.handle('StartTransaction', () => ({ idTagInfo: { status: 'Accepted' } })); // transactionId missing
        client.handle('DataTransfer', () => ({ status: 'Accepted' }));                    // valid, but wrong
        client.handle('DiagnosticsStatusNotification', () => ({}));
        client.handle('FirmwareStatusNotification', () => ({ status: 1 }));              // additionalProperties
        client.once('close', () => {});
        setTimeout(async () => {
            await client.call('Reset', { type: 'Warm' }).catch(() => {});                // invalid enum
            await client.call('RemoteStartTransaction', {}).catch(() => {});              // idTag missing
            await client.call('CertificateSigned', { certificateChain: 'x' }).catch(() => {}); // not implemented
            await client.close({ code: 1000 });
        }, 300);
    });
    const http = await server.listen(0, '127.0.0.1');
    try {
        const cp = startPeer('charge-point.mjs', ['--url', `ws://127.0.0.1:${http.address().port}/ocpp`, '--id', 'CP-LAX', '--serve-seconds', '5']);
        const code = await cp.exited;
        assert.equal(code, 1);
        const errors = cp.errors();
        const byAction = a => errors.filter(e => e.action === a);

        assert.equal(byAction('StatusNotification')[0].class, 'RPCPropertyConstraintViolationError');
        assert.equal(byAction('Heartbeat')[0].class, 'RPCFormatViolationError');
        assert.equal(byAction('StartTransaction')[0].class, 'RPCOccurenceConstraintViolationError');
        assert.equal(byAction('StartTransaction')[0].schema, true);
        assert.equal(byAction('DataTransfer')[0].code, 'UnexpectedResponse');
        assert.equal(byAction('Reset')[0].direction, 'in');
        assert.equal(byAction('Reset')[0].schema, true);
        assert.equal(byAction('CertificateSigned')[0].class, 'RPCNotImplementedError');

        // What ocpp-rpc puts on the wire for OCPP 1.6: FormationViolation, and
        // OccurrenceConstraintViolation spelt with two r's (the 1.6 table has one).
        const callErrors = wire.filter(m => m[0] === 4).map(m => m[2]);
        assert.deepEqual(callErrors, ['FormationViolation', 'OccurrenceConstraintViolation', 'NotImplemented']);

        assert.ok(cp.summary().schemaFailures >= 5, JSON.stringify(cp.summary()));
        assert.equal(cp.summary().errors, errors.length);
    } finally {
        await server.close();
    }
});

test('central system reports schema violations of a lax charge point and refuses a missing subprotocol', async () => {
    const cs = startPeer('central-system.mjs', ['--port', '0', '--script', 'all-actions', '--timeout-seconds', '20']);
    const { port } = await cs.waitFor(e => e.event === 'listening');

    // No subprotocol offered: refused at the handshake.
    const bare = new RPCClient({ endpoint: `ws://127.0.0.1:${port}/ocpp`, identity: 'CP-BARE', reconnect: false });
    await assert.rejects(bare.connect());

    const lax = new RPCClient({
        endpoint: `ws://127.0.0.1:${port}/ocpp`, identity: 'CP-LAX', protocols: ['ocpp1.6'], strictMode: false, reconnect: false,
    });
    lax.handle(({ method }) => {
        if (method === 'GetConfiguration') return { configurationKey: [{ key: 'HeartbeatInterval', value: '300' }] }; // readonly missing
        if (method === 'ClearCache') return { status: 'Done' };                                                       // bad enum
        if (method === 'GetLocalListVersion') return { listVersion: '0' };                                             // type
        return { status: 'Accepted' };
    });
    await lax.connect();
    await lax.call('BootNotification', { chargePointVendor: 'Lax', chargePointModel: 'Lax' });
    await lax.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Resting' }).catch(() => {});
    const code = await cs.exited;
    await lax.close({ force: true });

    assert.equal(code, 1);
    const errors = cs.errors();
    const first = a => errors.find(e => e.action === a);
    assert.equal(errors.find(e => e.code === 'NoSubprotocol')?.identity, 'CP-BARE');
    assert.equal(first('StatusNotification').direction, 'in');
    assert.equal(first('GetConfiguration').class, 'RPCOccurenceConstraintViolationError');
    assert.equal(first('ClearCache').class, 'RPCFormatViolationError');
    assert.equal(first('GetLocalListVersion').class, 'RPCTypeConstraintViolationError');
    assert.ok(first('GetLocalListVersion').violations.some(v => v.path === '/listVersion' && v.keyword === 'type'));
    assert.ok(cs.summary().schemaFailures >= 4);
});

test('bad arguments exit with 2 and name the argument', async () => {
    for (const [script, args, bad] of [
        ['charge-point.mjs', ['--id', 'CP1'], '--url'],
        ['charge-point.mjs', ['--url', 'http://127.0.0.1:1', '--id', 'CP1'], '--url'],
        ['charge-point.mjs', ['--url', 'ws://127.0.0.1:1', '--id', 'CP1', '--script', 'nope'], '--script'],
        ['charge-point.mjs', ['--url', 'ws://127.0.0.1:1', '--id', 'CP1', '--serve-seconds', 'x'], '--serve-seconds'],
        ['central-system.mjs', ['--port', '99999'], '--port'],
        ['central-system.mjs', ['--port', '0', '--speed', '3'], '--speed'],
    ]) {
        const peer = startPeer(script, args);
        assert.equal(await peer.exited, 2, `${script} ${args.join(' ')}`);
        assert.match(peer.stderr, new RegExp(bad));
        assert.equal(peer.events[0]?.argument, bad);
    }
});
