#!/usr/bin/env node
// The comparison charge points for bench/simulator-memory.sh: N ocpp-rpc 2.2.1 RPCClients in one Node
// process, strictMode on (every request and answer validated against the 1.6 schemas, as our virtual
// charge points validate what they receive), each booting, reporting its connectors Available and then
// heartbeating at the interval the Central System hands out. It holds the connections and does nothing
// else, like an idle fleet: the figure it serves is memory per connected, booted, heartbeating station.
//
// usage: node ocpp-rpc-chargers.mjs --url ws://127.0.0.1:PORT/ocpp --stations N
//            [--id-prefix RPC] [--connect-concurrency 32] [--connectors 2] [--duration 600]
//
// stdout: one line {"event":"ready","connected":N,"booted":N,"failed":N,"pid":P} once every station
// booted (or failed to), then the same as {"event":"stats",...} on SIGUSR2. SIGTERM/SIGINT or the end of
// --duration (a ceiling in seconds, at most 1800) close the clients and end it with exit code 0.

import { RPCClient } from 'ocpp-rpc';
import { readOptions } from './cli.mjs';

const OCPP16 = 'ocpp1.6';
const LIMITS = { stations: 15000, 'connect-concurrency': 512, connectors: 10, duration: 1800 };

function parseArgs(argv) {
    const out = readOptions(argv, { url: '', stations: 0, 'id-prefix': 'RPC', 'connect-concurrency': 32, connectors: 2, duration: 600 }, fail);
    for (const [name, max] of Object.entries(LIMITS)) {
        if (!Number.isInteger(out[name]) || out[name] < 1 || out[name] > max) {
            fail(`--${name} '${out[name]}' must be a whole number from 1 to ${max}`);
        }
    }
    return out;
}

function fail(problem) {
    process.stderr.write(`${problem}\nusage: node ocpp-rpc-chargers.mjs --url ws://127.0.0.1:PORT/ocpp --stations N `
        + '[--id-prefix P] [--connect-concurrency K] [--connectors C] [--duration S]\n');
    process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
const clients = [];
let connected = 0;
let booted = 0;
let failed = 0;

function stats(event) {
    process.stdout.write(JSON.stringify({ event, connected, booted, failed, pid: process.pid }) + '\n');
}

async function runStation(n) {
    const identity = `${args['id-prefix']}${String(n).padStart(5, '0')}`;
    const client = new RPCClient({
        endpoint: args.url,
        identity,
        protocols: [OCPP16],
        strictMode: true,
        reconnect: false,
        callTimeoutMs: 30000,
    });
    clients.push(client);
    client.on('close', () => { connected--; });
    client.handle(({ method }) => { throw new Error(`${method} is not handled by this idle peer`); });
    await client.connect();
    connected++;
    const boot = await client.call('BootNotification', { chargePointVendor: 'ocpp-rpc', chargePointModel: 'bench-peer' });
    if (boot.status !== 'Accepted') {
        throw new Error(`BootNotification answered ${boot.status}`);
    }
    booted++;
    for (let connectorId = 0; connectorId <= args.connectors; connectorId++) {
        await client.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' });
    }
    const interval = Math.max(1, boot.interval) * 1000;
    const timer = setInterval(() => {
        client.call('Heartbeat', {}).catch(() => { failed++; });
    }, interval);
    client.once('close', () => clearInterval(timer));
}

async function main() {
    let next = 1;
    const worker = async () => {
        while (next <= args.stations) {
            const n = next++;
            try {
                await runStation(n);
            } catch (e) {
                failed++;
                process.stderr.write(`station ${n}: ${e.message}\n`);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(args['connect-concurrency'], args.stations) }, worker));
    stats('ready');
}

let stopping = false;
async function stop() {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(clients.map(c => c.close({ force: true })));
    process.exit(0);
}

process.on('SIGUSR2', () => stats('stats'));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, args.duration * 1000).unref();
main().catch(e => { process.stderr.write(`${e.stack ?? e}\n`); process.exit(1); });
