#!/usr/bin/env node
// An OCPP 1.6-J Central System built on ocpp-rpc in strict mode, used as an independent peer
// for a charge point under test. Every call the charge point makes and every answer it gives
// is checked against the OCPP 1.6 JSON schemas.
//
// usage: node central-system.mjs --port PORT [--host 127.0.0.1] [--script none|all-actions]
//            [--timeout-seconds N] [--call-timeout-seconds N]
//
// Charge points connect to ws://HOST:PORT/<any path>/<identity>; the last path segment is the
// identity. --port 0 picks a free port; the port is always reported in a `listening` event.
// stdout: one JSON object per line (see README.md); logs go to stderr.
// Exit code: 0 no error, 1 at least one error, 2 bad arguments.

import {
    OCPP16, Recorder, log, now, onStopRequest, parseArgs, runMain, sleep,
} from './lib/peer.mjs';

const USAGE = 'usage: node central-system.mjs --port PORT [--host 127.0.0.1] [--script none|all-actions] '
    + '[--timeout-seconds N] [--call-timeout-seconds N]';

const SCRIPTS = ['none', 'all-actions'];
const REMOTE_ID_TAG = 'REMOTE001';

async function main() {
    const args = parseArgs(process.argv.slice(2), {
        'port': {
            type: 'int', required: true,
            check: v => (v > 65535 ? 'must be between 0 and 65535' : undefined),
        },
        'host': {
            type: 'string', default: '127.0.0.1',
            check: v => (v.length === 0 ? 'must not be empty' : undefined),
        },
        'script': {
            type: 'string', default: 'none',
            check: v => (SCRIPTS.includes(v) ? undefined : `must be one of ${SCRIPTS.join(', ')}`),
        },
        'timeout-seconds': {
            type: 'number', default: 30,
            check: v => (v <= 0 ? 'must be greater than 0' : undefined),
        },
        'call-timeout-seconds': {
            type: 'number', default: 10,
            check: v => (v <= 0 ? 'must be greater than 0' : undefined),
        },
    });

    // Loaded after the arguments are checked: ocpp-rpc compiles all its schemas on import (~1 s).
    const { RPCClient, RPCServer } = await import('ocpp-rpc');

    const rec = new Recorder();
    const cs = new CentralSystem(rec, RPCClient.OPEN);
    const stop = new AbortController();
    onStopRequest(reason => stop.abort(reason));

    const server = new RPCServer({
        protocols: [OCPP16],
        strictMode: true,
        callTimeoutMs: args['call-timeout-seconds'] * 1000,
    });

    server.auth((accept, reject, handshake) => {
        if (!handshake.protocols.has(OCPP16)) {
            // Without the subprotocol ocpp-rpc would accept the socket and skip all validation.
            rec.error({
                identity: handshake.identity, action: null, direction: 'in', code: 'NoSubprotocol', class: 'HandshakeRejected',
                message: `charge point offered subprotocols [${[...handshake.protocols].join(', ')}]; ${OCPP16} is required`,
            });
            reject(400, `Sec-WebSocket-Protocol ${OCPP16} required`);
            return;
        }
        accept({}, OCPP16);
    });
    server.on('upgradeAborted', ({ identity, error }) => log(`upgrade from '${identity}' aborted: ${error?.message ?? error}`));
    server.on('client', client => cs.adopt(client));

    let httpServer;
    try {
        httpServer = await server.listen(args.port, args.host);
    } catch (err) {
        rec.error({ action: null, direction: 'in', code: err.code ?? 'ListenFailed', class: err.constructor.name, message: `cannot listen on ${args.host}:${args.port}: ${err.message}` });
        return finish(rec, server, cs);
    }
    const { port } = httpServer.address();
    log(`listening on ws://${args.host}:${port}/ocpp/<identity>`);
    rec.emit({ event: 'listening', port });

    const timedOut = sleep(args['timeout-seconds'] * 1000, stop.signal).then(() => 'timeout');
    const scriptDone = args.script === 'all-actions'
        ? cs.allActions(stop.signal).then(() => 'done')
        : new Promise(() => {}); // serve until the timeout or a stop request

    await Promise.race([scriptDone, timedOut]);
    if (args.script !== 'none' && cs.step !== 'done') {
        const reason = stop.signal.aborted ? `stop requested (${stop.signal.reason})` : `timeout after ${args['timeout-seconds']} s`;
        rec.error({
            action: null, direction: 'out', code: 'Timeout', class: 'ScriptIncomplete',
            message: `script ${args.script} did not finish: ${reason}; ${cs.progress()}`,
        });
    }
    return finish(rec, server, cs);
}

async function finish(rec, server, cs) {
    cs.closing = true;
    await Promise.race([
        (async () => {
            await Promise.all([...cs.sessions.values()].map(s => s.client.close({ code: 1000, reason: 'Central System done', awaitPending: true })));
            await server.close({ code: 1000, reason: 'Central System done' });
        })(),
        sleep(5000),
    ]);
    await rec.summary({ chargePoints: cs.sessions.size });
    process.exit(rec.counts.errors === 0 ? 0 : 1);
}

class CentralSystem {
    constructor(rec, openState) {
        this.rec = rec;
        this.openState = openState;          // RPCClient.OPEN
        this.sessions = new Map();          // identity -> session
        this.nextTransactionId = 1;
        this.closing = false;
        this.bootWaiters = [];
        this.remoteStart = undefined;       // { resolve, promise } while a RemoteStartTransaction is outstanding
        this.step = 'waiting for a charge point to boot';
    }

    progress() {
        return `last step: ${this.step}`;
    }

    adopt(client) {
        const identity = client.identity;
        const base = { identity };
        const session = { identity, client, booted: false, transactions: new Map() };
        this.sessions.set(identity, session);
        this.rec.emit({ event: 'connected', identity, protocol: client.protocol ?? null, remoteAddress: client.handshake?.remoteAddress ?? null });
        client.once('close', ({ code, reason }) => {
            this.rec.emit({ event: 'closed', identity, code, reason: reason ?? '', by: this.closing ? 'us' : 'peer' });
        });
        session.call = this.rec.attach(client, this.handlers(session), base);
    }

    idTagInfo(idTag) {
        const status = String(idTag ?? '').startsWith('INVALID') ? 'Invalid' : 'Accepted';
        const info = { status };
        if (status === 'Accepted') info.expiryDate = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
        return info;
    }

    handlers(session) {
        return {
            BootNotification: (p, ctx) => {
                if (!session.booted) {
                    session.booted = true;
                    ctx.after(() => this.bootWaiters.splice(0).forEach(resolve => resolve(session)));
                }
                return { status: 'Accepted', currentTime: now(), interval: 300 };
            },
            Heartbeat: () => ({ currentTime: now() }),
            Authorize: p => ({ idTagInfo: this.idTagInfo(p.idTag) }),
            StartTransaction: p => {
                const transactionId = this.nextTransactionId++;
                session.transactions.set(transactionId, { ...p, transactionId });
                if (p.idTag === REMOTE_ID_TAG) this.remoteStart?.resolve(transactionId);
                return { transactionId, idTagInfo: this.idTagInfo(p.idTag) };
            },
            StopTransaction: p => {
                session.transactions.delete(p.transactionId);
                return { idTagInfo: { status: 'Accepted' } };
            },
            StatusNotification: () => ({}),
            MeterValues: () => ({}),
            FirmwareStatusNotification: () => ({}),
            DiagnosticsStatusNotification: () => ({}),
            DataTransfer: () => ({ status: 'UnknownVendorId' }),
        };
    }

    /** Sends every Central-System-initiated action of OCPP 1.6 to the first charge point that boots. */
    async allActions(signal) {
        const session = await new Promise(resolve => this.bootWaiters.push(resolve));
        if (signal.aborted) return;
        this.step = `waiting 1 s after BootNotification from ${session.identity}`;
        await sleep(1000, signal);

        const iso = offsetMs => new Date(Date.now() + offsetMs).toISOString();
        const HOUR = 3600 * 1000;
        let remoteTransactionId;

        const steps = [
            // Core
            ['GetConfiguration', () => ({})],
            ['GetConfiguration', () => ({ key: ['HeartbeatInterval', 'MeterValueSampleInterval', 'NoSuchKey'] })],
            ['ChangeConfiguration', () => ({ key: 'MeterValueSampleInterval', value: '30' })],
            ['ChangeAvailability', () => ({ connectorId: 2, type: 'Inoperative' })],
            ['ChangeAvailability', () => ({ connectorId: 2, type: 'Operative' })],
            ['ClearCache', () => ({})],
            ['DataTransfer', () => ({ vendorId: 'org.ocpplab', messageId: 'Ping', data: '{"seq":1}' })],
            [null, async () => {
                // Armed before the request goes out: the StartTransaction may arrive before the answer.
                let resolve;
                const promise = new Promise(r => { resolve = r; });
                this.remoteStart = { resolve, promise };
            }],
            ['RemoteStartTransaction', () => ({ connectorId: 1, idTag: REMOTE_ID_TAG })],
            [null, async () => {
                this.step = 'waiting for the StartTransaction of the remote start';
                remoteTransactionId = await Promise.race([
                    this.remoteStart.promise,
                    sleep(3000, signal).then(() => undefined),
                ]);
                this.remoteStart = undefined;
                if (remoteTransactionId === undefined) log('no StartTransaction after RemoteStartTransaction; using transactionId 1');
            }],
            ['RemoteStopTransaction', () => ({ transactionId: remoteTransactionId ?? 1 })],
            ['UnlockConnector', () => ({ connectorId: 1 })],
            // FirmwareManagement
            ['GetDiagnostics', () => ({
                location: 'ftp://127.0.0.1/diag', retries: 1, retryInterval: 30, startTime: iso(-24 * HOUR), stopTime: iso(0),
            })],
            ['UpdateFirmware', () => ({
                location: 'http://127.0.0.1:1/fw.bin', retrieveDate: iso(0), retries: 1, retryInterval: 30,
            })],
            // LocalAuthListManagement
            ['GetLocalListVersion', () => ({})],
            ['SendLocalList', () => ({
                listVersion: 1,
                updateType: 'Full',
                localAuthorizationList: [
                    { idTag: 'VALID001', idTagInfo: { status: 'Accepted', expiryDate: iso(30 * 24 * HOUR) } },
                    { idTag: 'BLOCKED001', idTagInfo: { status: 'Blocked' } },
                ],
            })],
            ['GetLocalListVersion', () => ({})],
            // Reservation
            ['ReserveNow', () => ({ connectorId: 1, expiryDate: iso(HOUR), idTag: 'VALID001', reservationId: 42 })],
            ['CancelReservation', () => ({ reservationId: 42 })],
            // SmartCharging
            ['SetChargingProfile', () => ({
                connectorId: 1,
                csChargingProfiles: {
                    chargingProfileId: 100,
                    stackLevel: 0,
                    chargingProfilePurpose: 'TxDefaultProfile',
                    chargingProfileKind: 'Absolute',
                    chargingSchedule: {
                        duration: 86400,
                        startSchedule: iso(0),
                        chargingRateUnit: 'W',
                        chargingSchedulePeriod: [
                            { startPeriod: 0, limit: 11000.0, numberPhases: 3 },
                            { startPeriod: 3600, limit: 7400.0, numberPhases: 3 },
                        ],
                        minChargingRate: 1380.0,
                    },
                },
            })],
            ['GetCompositeSchedule', () => ({ connectorId: 1, duration: 3600, chargingRateUnit: 'W' })],
            ['ClearChargingProfile', () => ({ id: 100 })],
            // RemoteTrigger: every requestedMessage value
            ['TriggerMessage', () => ({ requestedMessage: 'BootNotification' })],
            ['TriggerMessage', () => ({ requestedMessage: 'DiagnosticsStatusNotification' })],
            ['TriggerMessage', () => ({ requestedMessage: 'FirmwareStatusNotification' })],
            ['TriggerMessage', () => ({ requestedMessage: 'Heartbeat' })],
            ['TriggerMessage', () => ({ requestedMessage: 'MeterValues', connectorId: 1 })],
            ['TriggerMessage', () => ({ requestedMessage: 'StatusNotification', connectorId: 1 })],
            // Core, last because a real charge point reboots on it
            ['Reset', () => ({ type: 'Soft' })],
        ];

        for (const [action, make] of steps) {
            if (signal.aborted) return;
            if (action === null) {
                await make();
                continue;
            }
            if (session.client.state !== this.openState) {
                this.rec.error({
                    identity: session.identity, action, direction: 'out', code: 'Disconnected', class: 'ConnectionClosed',
                    message: `charge point disconnected before ${action} could be sent`,
                });
                return;
            }
            this.step = action;
            await session.call(action, make());
            await sleep(100, signal); // room for follow-up messages the charge point sends
        }
        this.step = 'all actions sent; waiting for follow-up messages';
        await sleep(1000, signal);
        this.step = 'done';
    }
}

runMain(main, USAGE);
