#!/usr/bin/env node
// The comparison fleet for bench/fleet-cpu.sh: N ocpp-rpc 2.2.1 RPCClients in one Node process playing the
// fleet's session model on one connector each, so that the CPU it spends per OCPP message can stand beside
// the fleet's (`simulator fleet`) on the same workload:
//   - connect, BootNotification, StatusNotification Available for connectors 0 and 1, then Heartbeat at
//     the interval the Central System hands out;
//   - per connector: an exponential idle gap (mean --session-gap), then the EV plugs in (StatusNotification
//     Preparing), the card is presented (Authorize), StartTransaction, StatusNotification Charging,
//     MeterValues every --meter-interval seconds with the transaction's energy register, and after an
//     exponential charging time (mean --session-length) the same card again: StopTransaction with reason
//     Local and the final register, StatusNotification Finishing, the cable out, StatusNotification
//     Available, and the next gap.
// strictMode is on (every request and answer validated against the 1.6 schemas), as the fleet's charge
// points validate what they receive and send.
//
// usage: node ocpp-rpc-fleet.mjs --url ws://127.0.0.1:PORT/ocpp --stations N [--id-prefix RPC]
//            [--ramp 100] [--session-gap 30] [--session-length 60] [--meter-interval 10]
//            [--duration 300] [--seed 42] [--id-tags 1000]
//
// Power-ons are spread at --ramp stations per second. At the end of --duration (seconds, at most 1800) the
// running sessions are stopped (StopTransaction Local) and the clients closed. stdout: one JSON line
// {"event":"done","stations":..,"connected":..,"booted":..,"callsSent":..,"answers":..,"failed":..,
//  "sessions":..,"byAction":{...},"pid":P}. SIGTERM/SIGINT end it early the same way.

import { RPCClient } from 'ocpp-rpc';
import { readOptions } from './cli.mjs';

const OCPP16 = 'ocpp1.6';
const LIMITS = { stations: 20000, ramp: 10000, 'session-gap': 86400, 'session-length': 86400, 'meter-interval': 3600, duration: 1800, 'id-tags': 1000000 };

function parseArgs(argv) {
    const out = readOptions(argv, { url: '', stations: 0, 'id-prefix': 'RPC', ramp: 100, 'session-gap': 30, 'session-length': 60, 'meter-interval': 10, duration: 300, seed: 42, 'id-tags': 1000 }, fail);
    for (const [name, max] of Object.entries(LIMITS)) {
        if (!Number.isFinite(out[name]) || out[name] <= 0 || out[name] > max) {
            fail(`--${name} '${out[name]}' must be a number above 0 and at most ${max}`);
        }
    }
    if (!Number.isInteger(out.stations)) fail(`--stations '${out.stations}' must be a whole number`);
    return out;
}

function fail(problem) {
    process.stderr.write(`${problem}\nusage: node ocpp-rpc-fleet.mjs --url ws://127.0.0.1:PORT/ocpp --stations N [--id-prefix P] `
        + '[--ramp R] [--session-gap S] [--session-length S] [--meter-interval S] [--duration S] [--seed N] [--id-tags N]\n');
    process.exit(2);
}

// mulberry32: a small seeded generator, so that two runs draw the same gaps and lengths.
function seeded(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const args = parseArgs(process.argv.slice(2));
const random = seeded(args.seed);
const exponential = (mean) => -Math.log(1 - random()) * mean * 1000;
const stations = [];
const byAction = {};
let connected = 0;
let booted = 0;
let callsSent = 0;
let answers = 0;
let failed = 0;
let sessions = 0;
let stopping = false;

async function call(client, action, payload) {
    callsSent++;
    byAction[action] = (byAction[action] ?? 0) + 1;
    const result = await client.call(action, payload);
    answers++;
    return result;
}

const pad = (n, width) => String(n).padStart(width, '0');
const now = () => new Date().toISOString();

class Station {
    constructor(n) {
        this.identity = `${args['id-prefix']}${pad(n, 5)}`;
        this.idTag = `VALID${pad(((n - 1) % args['id-tags']) + 1, 3)}`;
        this.timer = null;
        this.heartbeat = null;
        this.transactionId = null;
        this.registerWh = 0;
        this.meterStartedAt = 0;
        this.meter = null;
        this.powerW = 11000;
        this.client = new RPCClient({
            endpoint: args.url,
            identity: this.identity,
            protocols: [OCPP16],
            strictMode: true,
            reconnect: false,
            callTimeoutMs: 30000,
        });
        this.client.handle(({ method }) => { throw new Error(`${method} is not handled by this peer`); });
        this.client.on('close', () => { connected--; this.clearTimers(); });
    }

    clearTimers() {
        clearTimeout(this.timer);
        clearInterval(this.heartbeat);
        clearInterval(this.meter);
    }

    energy() {
        return Math.round(this.registerWh + (Date.now() - this.meterStartedAt) / 3600000 * this.powerW);
    }

    status(status) {
        return call(this.client, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status, timestamp: now() });
    }

    async powerOn() {
        await this.client.connect();
        connected++;
        const boot = await call(this.client, 'BootNotification', { chargePointVendor: 'ocpp-rpc', chargePointModel: 'bench-fleet' });
        if (boot.status !== 'Accepted') throw new Error(`BootNotification answered ${boot.status}`);
        booted++;
        await call(this.client, 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: now() });
        await this.status('Available');
        this.heartbeat = setInterval(() => call(this.client, 'Heartbeat', {}).catch(() => { failed++; }), Math.max(1, boot.interval) * 1000);
        this.nextArrival();
    }

    nextArrival() {
        if (stopping) return;
        this.timer = setTimeout(() => this.arrive().catch(() => { failed++; this.nextArrival(); }), exponential(args['session-gap']));
    }

    async arrive() {
        await this.status('Preparing');
        const auth = await call(this.client, 'Authorize', { idTag: this.idTag });
        if (auth.idTagInfo.status !== 'Accepted') {
            await this.status('Available');
            this.nextArrival();
            return;
        }
        this.meterStartedAt = Date.now();
        const start = await call(this.client, 'StartTransaction', { connectorId: 1, idTag: this.idTag, meterStart: this.registerWh, timestamp: now() });
        if (start.idTagInfo.status !== 'Accepted') {
            await this.status('Finishing');
            await this.status('Available');
            this.nextArrival();
            return;
        }
        sessions++;
        this.transactionId = start.transactionId;
        await this.status('Charging');
        this.meter = setInterval(() => {
            call(this.client, 'MeterValues', {
                connectorId: 1,
                transactionId: this.transactionId,
                meterValue: [{ timestamp: now(), sampledValue: [
                    { value: String(this.energy()), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
                    { value: String(this.powerW), measurand: 'Power.Active.Import', unit: 'W' },
                ] }],
            }).catch(() => { failed++; });
        }, args['meter-interval'] * 1000);
        if (!stopping) this.timer = setTimeout(() => this.depart().catch(() => { failed++; this.nextArrival(); }), exponential(args['session-length']));
    }

    async depart() {
        if (this.transactionId === null) return;
        clearInterval(this.meter);
        const meterStop = this.energy();
        const transactionId = this.transactionId;
        this.transactionId = null;
        this.registerWh = meterStop;
        await call(this.client, 'StopTransaction', { transactionId, idTag: this.idTag, meterStop, timestamp: now(), reason: 'Local' });
        await this.status('Finishing');
        if (stopping) return;
        await this.status('Available');
        this.nextArrival();
    }
}

async function main() {
    const started = Date.now();
    const spacingMs = 1000 / args.ramp;
    const powerOns = [];
    for (let n = 1; n <= args.stations && !stopping; n++) {
        const station = new Station(n);
        stations.push(station);
        powerOns.push(station.powerOn().catch(e => { failed++; process.stderr.write(`${station.identity}: ${e.message}\n`); }));
        const due = started + n * spacingMs - Date.now();
        if (due > 0) await new Promise(resolve => setTimeout(resolve, due));
    }
    await Promise.all(powerOns);
}

async function stop() {
    if (stopping) return;
    stopping = true;
    // The drivers end their sessions, then every connection closes with the close handshake.
    await Promise.allSettled(stations.map(async s => {
        clearTimeout(s.timer);
        clearInterval(s.heartbeat);
        await s.depart();
    }));
    await Promise.allSettled(stations.map(s => s.client.close({ code: 1000 })));
    process.stdout.write(JSON.stringify({ event: 'done', stations: stations.length, connected, booted, callsSent, answers, failed, sessions, byAction, pid: process.pid }) + '\n');
    process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, args.duration * 1000);
main().catch(e => { process.stderr.write(`${e.stack ?? e}\n`); process.exit(1); });
