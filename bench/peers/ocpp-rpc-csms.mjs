#!/usr/bin/env node
// The comparison Central System for bench/: ocpp-rpc 2.2.1's RPCServer answering the OCPP 1.6 Core
// messages a load generator sends, with strictMode on, so that every inbound payload and every
// answer is validated against the 1.6 JSON schemas, as our Central System validates every inbound
// payload. It keeps no per-call log: the figures should measure the RPC machinery, not our printing.
//
// usage: node ocpp-rpc-csms.mjs [--port 0] [--host 127.0.0.1] [--heartbeat-interval 300]
//
// stdout: one line {"event":"listening","port":N,"pid":P} once it accepts connections, then on
// SIGUSR2 a line {"event":"stats","connected":N,"booted":N,"calls":N}. SIGTERM/SIGINT end it (exit 0).

import { RPCServer } from 'ocpp-rpc';

const OCPP16 = 'ocpp1.6';

function parseArgs(argv) {
    const out = { port: 0, host: '127.0.0.1', 'heartbeat-interval': 300 };
    for (let i = 0; i < argv.length; i += 2) {
        const name = argv[i]?.replace(/^--/, '');
        const value = argv[i + 1];
        if (!(name in out) || value === undefined) {
            process.stderr.write(`bad argument '${argv[i]}'; usage: node ocpp-rpc-csms.mjs [--port N] [--host H] [--heartbeat-interval S]\n`);
            process.exit(2);
        }
        out[name] = name === 'host' ? value : Number(value);
    }
    return out;
}

const args = parseArgs(process.argv.slice(2));

// The same seeded tag as our Central System's appsettings.json; anything else is Invalid.
const idTags = new Map([['VALID001', 'Accepted']]);
let nextTransactionId = 1;
let connected = 0;
let booted = 0;
let calls = 0;

const server = new RPCServer({ protocols: [OCPP16], strictMode: true });

server.auth((accept, reject, handshake) => {
    // Without the subprotocol ocpp-rpc would accept the socket and skip all validation.
    if (!handshake.protocols.has(OCPP16)) {
        reject(400, `Sec-WebSocket-Protocol ${OCPP16} required`);
        return;
    }
    accept({}, OCPP16);
});

const idTagInfo = idTag => ({ status: idTags.get(idTag) ?? 'Invalid' });
const now = () => new Date().toISOString();

server.on('client', client => {
    connected++;
    let isBooted = false;
    client.once('close', () => {
        connected--;
        if (isBooted) booted--;
    });
    client.handle('BootNotification', () => {
        calls++;
        if (!isBooted) {
            isBooted = true;
            booted++;
        }
        return { status: 'Accepted', currentTime: now(), interval: args['heartbeat-interval'] };
    });
    client.handle('Heartbeat', () => {
        calls++;
        return { currentTime: now() };
    });
    client.handle('Authorize', ({ params }) => {
        calls++;
        return { idTagInfo: idTagInfo(params.idTag) };
    });
    client.handle('StatusNotification', () => {
        calls++;
        return {};
    });
    client.handle('StartTransaction', ({ params }) => {
        calls++;
        return { transactionId: nextTransactionId++, idTagInfo: idTagInfo(params.idTag) };
    });
    client.handle('StopTransaction', () => {
        calls++;
        return { idTagInfo: { status: 'Accepted' } };
    });
    client.handle('MeterValues', () => {
        calls++;
        return {};
    });
});

const httpServer = await server.listen(args.port, args.host);
process.stdout.write(JSON.stringify({ event: 'listening', port: httpServer.address().port, pid: process.pid }) + '\n');

process.on('SIGUSR2', () => {
    process.stdout.write(JSON.stringify({ event: 'stats', connected, booted, calls }) + '\n');
});

let stopping = false;
const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Bounded: with thousands of sockets a graceful close may take longer than a bench wants to wait.
    const timer = setTimeout(() => process.exit(0), 3000);
    timer.unref();
    await server.close({ code: 1001, reason: 'Central System stopping', awaitPending: false }).catch(() => {});
    process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
