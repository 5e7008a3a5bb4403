#!/usr/bin/env node
// An OCPP 1.6-J charge point built on ocpp-rpc in strict mode, used as an independent peer
// for a Central System under test. Every request it sends and every answer it gets is checked
// against the OCPP 1.6 JSON schemas; so is every call the Central System makes to it.
//
// usage: node charge-point.mjs --url ws://127.0.0.1:PORT/ocpp --id CP001
//            [--script core-session|boot] [--serve-seconds N] [--id-tag TAG] [--call-timeout-seconds N]
//
// ocpp-rpc connects to `${url}/${encodeURIComponent(id)}`, e.g. ws://127.0.0.1:PORT/ocpp/CP001.
// stdout: one JSON object per line (see README.md); logs go to stderr.
// Exit code: 0 no error, 1 at least one error, 2 bad arguments.

import {
    OCPP16, Recorder, describeError, log, now, onStopRequest, parseArgs, runMain, sleep,
} from './lib/peer.mjs';

const USAGE = 'usage: node charge-point.mjs --url ws://HOST:PORT/PATH --id IDENTITY '
    + '[--script core-session|boot] [--serve-seconds N] [--id-tag TAG] [--call-timeout-seconds N]';

const SCRIPTS = ['core-session', 'boot'];
const CONNECTORS = [1, 2];          // connector 0 is the charge point as a whole
const PHASES = ['L1', 'L2', 'L3'];

class ScriptAborted extends Error {}

async function main() {
    const args = parseArgs(process.argv.slice(2), {
        'url': {
            type: 'string', required: true,
            check: v => {
                let url;
                try { url = new URL(v); } catch { return 'not a URL'; }
                if (!['ws:', 'wss:'].includes(url.protocol)) return 'must be a ws:// or wss:// URL';
                if (url.search || url.hash) return 'must not carry a query or fragment (the identity is appended to the path)';
                return undefined;
            },
        },
        'id': {
            type: 'string', required: true,
            check: v => (v.length === 0 ? 'must not be empty' : undefined),
        },
        'script': {
            type: 'string', default: 'core-session',
            check: v => (SCRIPTS.includes(v) ? undefined : `must be one of ${SCRIPTS.join(', ')}`),
        },
        'serve-seconds': { type: 'number', default: 0 },
        'id-tag': {
            type: 'string', default: 'VALID001',
            check: v => (v.length === 0 || v.length > 20 ? 'must be 1 to 20 characters (IdToken is CiString20)' : undefined),
        },
        'call-timeout-seconds': {
            type: 'number', default: 10,
            check: v => (v <= 0 ? 'must be greater than 0' : undefined),
        },
    });

    // Loaded after the arguments are checked: ocpp-rpc compiles all its schemas on import (~1 s).
    const { RPCClient } = await import('ocpp-rpc');

    const rec = new Recorder();
    const stop = new AbortController();
    onStopRequest(reason => stop.abort(reason));

    const endpoint = args.url.replace(/\/+$/, '');
    const client = new RPCClient({
        endpoint,
        identity: args.id,
        protocols: [OCPP16],
        strictMode: true,
        reconnect: false,
        callTimeoutMs: args['call-timeout-seconds'] * 1000,
    });

    let phase = 'connect';
    let weClose = false;
    let isClosed = false;
    let opened = false;
    client.once('open', () => { opened = true; });
    const closed = new Promise(resolve => client.once('close', ({ code, reason }) => {
        isClosed = true;
        if (!opened) return resolve(); // a failed connect is recorded where connect() rejects
        rec.emit({ event: 'closed', code, reason: reason ?? '', by: weClose ? 'us' : 'peer' });
        // A clean close by the Central System while we only serve is how a test ends the run.
        const clean = [1000, 1001, 1005].includes(code);
        if (!weClose && (!clean || phase === 'script')) {
            rec.error({
                action: null, direction: 'in', code: 'Disconnected', class: 'ConnectionClosed',
                message: `Central System closed the connection during ${phase} (code ${code}${reason ? `, ${reason}` : ''})`,
            });
        }
        resolve();
    }));

    const cp = new ChargePoint(args, rec, stop.signal, () => isClosed);
    cp.call = rec.attach(client, cp.handlers());

    try {
        log(`connecting to ${endpoint}/${encodeURIComponent(args.id)}`);
        await client.connect();
    } catch (err) {
        const info = describeError(err);
        rec.error({
            action: null, direction: 'out', ...info,
            message: `cannot connect to ${endpoint}/${encodeURIComponent(args.id)}: ${info.message}`,
        });
        return finish(rec);
    }

    if (client.protocol !== OCPP16) {
        // ocpp-rpc only validates when the negotiated subprotocol is one it is strict about;
        // a server that answers without Sec-WebSocket-Protocol would silently switch validation off.
        rec.error({
            action: null, direction: 'in', code: 'NoSubprotocol', class: 'HandshakeMismatch',
            message: `Central System selected subprotocol '${client.protocol ?? ''}' instead of ${OCPP16}`,
        });
        weClose = true;
        await client.close({ code: 1002, reason: 'ocpp1.6 subprotocol required' });
        return finish(rec);
    }

    phase = 'script';
    try {
        await cp.run(args.script);
    } catch (err) {
        if (!(err instanceof ScriptAborted)) throw err;
        log(`script ${args.script} stopped: ${err.message}`);
        if (stop.signal.aborted) {
            // Stopping is meant for the serve period; a script cut short proves nothing.
            rec.error({
                action: null, direction: 'out', code: 'Interrupted', class: 'ScriptIncomplete',
                message: `script ${args.script} interrupted: ${err.message}`,
            });
        }
    }

    if (args['serve-seconds'] > 0 && !isClosed && !stop.signal.aborted) {
        phase = 'serve';
        log(`serving for up to ${args['serve-seconds']} s`);
        await Promise.race([sleep(args['serve-seconds'] * 1000, stop.signal), closed]);
    }
    phase = 'close';
    await sleep(100); // let follow-up calls triggered by the last received call go out

    if (!isClosed) {
        weClose = true;
        await Promise.race([client.close({ code: 1000, reason: 'done', awaitPending: true }), sleep(5000)]);
    }
    return finish(rec);
}

async function finish(rec) {
    await rec.summary();
    process.exit(rec.counts.errors === 0 ? 0 : 1);
}

class ChargePoint {
    constructor(args, rec, signal, isClosed) {
        this.args = args;
        this.rec = rec;
        this.signal = signal;
        this.isClosed = isClosed;
        this.call = undefined;                                  // set by main()
        this.booted = false;
        this.status = { 0: 'Available', 1: 'Available', 2: 'Available' };
        this.transactions = new Map();                          // connectorId -> transaction
        this.meterWh = { 1: 1234000, 2: 987650 };               // lifetime import register per connector
        this.localListVersion = 0;
        this.config = defaultConfiguration();
    }

    // ---- outbound steps -------------------------------------------------------------------

    /** One call of a script; throws ScriptAborted once the run should end. */
    async step(action, request) {
        if (this.signal.aborted) throw new ScriptAborted(`stop requested (${this.signal.reason})`);
        if (this.isClosed()) throw new ScriptAborted('connection closed');
        return this.call(action, request);
    }

    async bootNotification() {
        const res = await this.step('BootNotification', {
            chargePointVendor: 'OcppLab',
            chargePointModel: 'Interop-AC22',
            chargePointSerialNumber: `SN-${this.args.id}`.slice(0, 25),
            chargeBoxSerialNumber: `CB-${this.args.id}`.slice(0, 25),
            firmwareVersion: '1.6.4-interop',
            iccid: '8931440400012345678',
            imsi: '262011234567890',
            meterType: 'EM340 DIN',
            meterSerialNumber: 'MTR-0042-7781',
        });
        if (res === undefined) throw new ScriptAborted('BootNotification failed');
        if (res.status !== 'Accepted') {
            this.rec.unexpected({}, 'BootNotification', `expected status Accepted, got ${res.status} (interval ${res.interval})`);
            throw new ScriptAborted(`BootNotification ${res.status}`);
        }
        if (!this.booted) {
            this.booted = true;
            this.rec.emit({ event: 'ready' });
        }
        return res;
    }

    async statusNotification(connectorId, status, errorCode = 'NoError') {
        this.status[connectorId] = status;
        return this.step('StatusNotification', { connectorId, errorCode, status, timestamp: now() });
    }

    async authorize(idTag) {
        const res = await this.step('Authorize', { idTag });
        return res?.idTagInfo?.status;
    }

    /** Sends StartTransaction; returns the transaction, or undefined when none was started. */
    async startTransaction(connectorId, idTag, reservationId) {
        const request = { connectorId, idTag, meterStart: this.meterWh[connectorId], timestamp: now() };
        if (reservationId !== undefined) request.reservationId = reservationId;
        const res = await this.step('StartTransaction', request);
        if (res === undefined) return undefined;
        if (!Number.isInteger(res.transactionId)) {
            this.rec.unexpected({}, 'StartTransaction', `no integer transactionId in answer: ${JSON.stringify(res)}`);
            return undefined;
        }
        const tx = {
            transactionId: res.transactionId, connectorId, idTag,
            meterStart: request.meterStart, startedAt: request.timestamp, status: res.idTagInfo?.status,
        };
        this.transactions.set(connectorId, tx);
        return tx;
    }

    /** Advances the meter and returns one realistic periodic sample of a 3-phase 16 A session. */
    sample(connectorId, context) {
        this.meterWh[connectorId] += 1250;
        const tx = this.transactions.get(connectorId);
        const soc = tx ? 56 : 0;
        const sv = (measurand, value, unit, extra = {}) => ({
            value: String(value), context, format: 'Raw', measurand, location: 'Outlet', unit, ...extra,
        });
        return {
            timestamp: now(),
            sampledValue: [
                sv('Energy.Active.Import.Register', this.meterWh[connectorId], 'Wh'),
                sv('Power.Active.Import', tx ? 11040 : 0, 'W'),
                ...PHASES.map((phase, i) => sv('Current.Import', tx ? (15.9 + i * 0.1).toFixed(1) : '0.0', 'A', { phase })),
                sv('Voltage', '230.4', 'V', { phase: 'L1-N' }),
                sv('SoC', soc, 'Percent', { location: 'EV' }),
                sv('Temperature', '31.5', 'Celsius', { location: 'Body' }),
            ],
        };
    }

    async meterValues(connectorId, context = 'Sample.Periodic') {
        const tx = this.transactions.get(connectorId);
        const request = { connectorId, meterValue: [this.sample(connectorId, context)] };
        if (tx) request.transactionId = tx.transactionId;
        return this.step('MeterValues', request);
    }

    async stopTransaction(connectorId, reason) {
        const tx = this.transactions.get(connectorId);
        if (!tx) return undefined;
        this.transactions.delete(connectorId);
        this.meterWh[connectorId] += 310; // energy delivered since the last sample
        const energy = (value, context, timestamp) => ({
            timestamp,
            sampledValue: [{
                value: String(value), context, format: 'Raw', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unit: 'Wh',
            }],
        });
        const timestamp = now();
        return this.step('StopTransaction', {
            transactionId: tx.transactionId,
            idTag: tx.idTag,
            meterStop: this.meterWh[connectorId],
            timestamp,
            reason,
            transactionData: [
                energy(tx.meterStart, 'Transaction.Begin', tx.startedAt),
                energy(this.meterWh[connectorId], 'Transaction.End', timestamp),
            ],
        });
    }

    /** Preparing -> StartTransaction -> Charging, as after a local swipe or a RemoteStartTransaction. */
    async beginSession(connectorId, idTag) {
        await this.statusNotification(connectorId, 'Preparing');
        const tx = await this.startTransaction(connectorId, idTag);
        if (!tx) {
            await this.statusNotification(connectorId, 'Available');
            return undefined;
        }
        if (tx.status !== 'Accepted') {
            log(`StartTransaction idTagInfo ${tx.status}: stopping transaction ${tx.transactionId} (DeAuthorized)`);
            await this.endSession(connectorId, 'DeAuthorized');
            return undefined;
        }
        await this.statusNotification(connectorId, 'Charging');
        return tx;
    }

    async endSession(connectorId, reason) {
        await this.stopTransaction(connectorId, reason);
        await this.statusNotification(connectorId, 'Finishing');
        await this.statusNotification(connectorId, 'Available');
    }

    // ---- scripts ----------------------------------------------------------------------------

    async run(script) {
        await this.bootNotification();
        for (const c of [0, ...CONNECTORS]) await this.statusNotification(c, 'Available');
        if (script === 'boot') return;

        await this.step('Heartbeat', {});

        const idTag = this.args['id-tag'];
        const auth = await this.authorize(idTag);
        if (auth !== 'Accepted') {
            log(`Authorize ${idTag}: ${auth ?? 'no answer'}; no transaction started`);
        } else {
            const tx = await this.beginSession(1, idTag);
            if (tx) {
                await this.meterValues(1, 'Sample.Periodic');
                await this.endSession(1, 'Local');
            }
        }

        const dt = await this.step('DataTransfer', {
            vendorId: 'org.ocpplab.interop.unknown', messageId: 'Probe', data: '{"ping":1}',
        });
        if (dt !== undefined && dt.status !== 'UnknownVendorId') {
            this.rec.unexpected({}, 'DataTransfer', `expected status UnknownVendorId for an unknown vendorId, got ${dt.status}`);
        }
        await this.step('DiagnosticsStatusNotification', { status: 'Idle' });
        await this.step('FirmwareStatusNotification', { status: 'Idle' });
    }

    /** Follow-up work started by a received call; a closed connection just ends it. */
    followUp(what, fn) {
        return async () => {
            try {
                await fn();
            } catch (err) {
                if (!(err instanceof ScriptAborted)) throw err;
                log(`${what} follow-up stopped: ${err.message}`);
            }
        };
    }

    // ---- answers to Central-System-initiated calls ----------------------------------------

    handlers() {
        const known = c => c === 0 || CONNECTORS.includes(c);
        return {
            RemoteStartTransaction: (p, ctx) => {
                const connectorId = p.connectorId ?? 1;
                if (!CONNECTORS.includes(connectorId)) return { status: 'Rejected' };
                if (!this.transactions.has(connectorId)) {
                    ctx.after(this.followUp('RemoteStartTransaction', () => this.beginSession(connectorId, p.idTag)));
                } else {
                    log(`RemoteStartTransaction: connector ${connectorId} busy, accepted without a new transaction`);
                }
                return { status: 'Accepted' };
            },
            RemoteStopTransaction: (p, ctx) => {
                const tx = [...this.transactions.values()].find(t => t.transactionId === p.transactionId);
                if (tx) {
                    ctx.after(this.followUp('RemoteStopTransaction', () => this.endSession(tx.connectorId, 'Remote')));
                }
                return { status: 'Accepted' };
            },
            Reset: () => ({ status: 'Accepted' }),
            UnlockConnector: p => ({ status: CONNECTORS.includes(p.connectorId) ? 'Unlocked' : 'NotSupported' }),
            ChangeAvailability: (p, ctx) => {
                if (!known(p.connectorId)) return { status: 'Rejected' };
                const targets = p.connectorId === 0 ? [0, ...CONNECTORS] : [p.connectorId];
                if (p.type === 'Inoperative' && targets.some(c => this.transactions.has(c))) {
                    return { status: 'Scheduled' };
                }
                const wanted = p.type === 'Inoperative' ? 'Unavailable' : 'Available';
                const changes = targets.filter(c => this.status[c] !== wanted && !this.transactions.has(c));
                if (changes.length) {
                    ctx.after(this.followUp('ChangeAvailability', async () => {
                        for (const c of changes) await this.statusNotification(c, wanted);
                    }));
                }
                return { status: 'Accepted' };
            },
            GetConfiguration: p => {
                const requested = p.key?.length ? p.key : [...this.config.keys()];
                const configurationKey = [];
                const unknownKey = [];
                for (const key of requested) {
                    const entry = this.config.get(key);
                    if (entry) configurationKey.push({ key, readonly: entry.readonly, value: entry.value });
                    else unknownKey.push(key);
                }
                const reply = { configurationKey };
                if (unknownKey.length) reply.unknownKey = unknownKey;
                return reply;
            },
            ChangeConfiguration: p => {
                const entry = this.config.get(p.key);
                if (!entry) return { status: 'NotSupported' };
                if (entry.readonly) return { status: 'Rejected' };
                if (entry.type === 'int' && !/^\d+$/.test(p.value)) return { status: 'Rejected' };
                if (entry.type === 'bool' && !/^(true|false)$/i.test(p.value)) return { status: 'Rejected' };
                entry.value = entry.type === 'bool' ? p.value.toLowerCase() : p.value;
                return { status: 'Accepted' };
            },
            ClearCache: () => ({ status: 'Accepted' }),
            DataTransfer: () => ({ status: 'Rejected' }),
            GetLocalListVersion: () => ({ listVersion: this.localListVersion }),
            SendLocalList: p => {
                this.localListVersion = p.listVersion;
                return { status: 'Accepted' };
            },
            ReserveNow: p => ({ status: CONNECTORS.includes(p.connectorId) ? 'Accepted' : 'Rejected' }), // ReserveConnectorZeroSupported=false
            CancelReservation: () => ({ status: 'Accepted' }),
            SetChargingProfile: p => ({ status: known(p.connectorId) ? 'Accepted' : 'Rejected' }),
            ClearChargingProfile: () => ({ status: 'Accepted' }),
            GetCompositeSchedule: p => {
                if (!known(p.connectorId)) return { status: 'Rejected' };
                const unit = p.chargingRateUnit ?? 'W';
                return {
                    status: 'Accepted',
                    connectorId: p.connectorId,
                    scheduleStart: now(),
                    chargingSchedule: {
                        duration: p.duration,
                        chargingRateUnit: unit,
                        chargingSchedulePeriod: [
                            { startPeriod: 0, limit: unit === 'A' ? 16.0 : 11000.0, numberPhases: 3 },
                            { startPeriod: Math.min(1800, Math.max(0, p.duration - 1)), limit: unit === 'A' ? 10.0 : 6900.0, numberPhases: 3 },
                        ].filter((period, i, all) => i === 0 || period.startPeriod > all[i - 1].startPeriod),
                        minChargingRate: unit === 'A' ? 6.0 : 1380.0,
                    },
                };
            },
            TriggerMessage: (p, ctx) => {
                if (p.connectorId !== undefined && !known(p.connectorId)) return { status: 'Rejected' };
                ctx.after(this.followUp('TriggerMessage', () => this.sendTriggered(p.requestedMessage, p.connectorId)));
                return { status: 'Accepted' };
            },
            UpdateFirmware: () => ({}),
            GetDiagnostics: () => ({
                fileName: `diagnostics-${this.args.id}-${now().replace(/[-:]/g, '').slice(0, 15)}.tar.gz`,
            }),
        };
    }

    async sendTriggered(message, connectorId) {
        switch (message) {
            case 'BootNotification':
                return this.bootNotification();
            case 'Heartbeat':
                return this.step('Heartbeat', {});
            case 'DiagnosticsStatusNotification':
                return this.step('DiagnosticsStatusNotification', { status: 'Idle' });
            case 'FirmwareStatusNotification':
                return this.step('FirmwareStatusNotification', { status: 'Idle' });
            case 'StatusNotification': {
                const targets = connectorId === undefined ? [0, ...CONNECTORS] : [connectorId];
                for (const c of targets) await this.statusNotification(c, this.status[c]);
                return undefined;
            }
            case 'MeterValues': {
                const targets = connectorId ? [connectorId] : CONNECTORS;
                for (const c of targets) await this.meterValues(c, 'Trigger');
                return undefined;
            }
            default:
                return undefined;
        }
    }
}

function defaultConfiguration() {
    const entries = [
        // key, value, readonly, type
        ['AllowOfflineTxForUnknownId', 'false', false, 'bool'],
        ['AuthorizationCacheEnabled', 'true', false, 'bool'],
        ['AuthorizeRemoteTxRequests', 'false', false, 'bool'],
        ['ClockAlignedDataInterval', '900', false, 'int'],
        ['ConnectionTimeOut', '60', false, 'int'],
        ['ConnectorPhaseRotation', '0.RST,1.RST,2.RST', false, 'string'],
        ['GetConfigurationMaxKeys', '50', true, 'int'],
        ['HeartbeatInterval', '300', false, 'int'],
        ['LocalAuthorizeOffline', 'true', false, 'bool'],
        ['LocalPreAuthorize', 'false', false, 'bool'],
        ['MeterValuesAlignedData', 'Energy.Active.Import.Register', false, 'string'],
        ['MeterValuesSampledData', 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC,Temperature', false, 'string'],
        ['MeterValueSampleInterval', '60', false, 'int'],
        ['NumberOfConnectors', String(CONNECTORS.length), true, 'int'],
        ['ResetRetries', '3', false, 'int'],
        ['StopTransactionOnEVSideDisconnect', 'true', false, 'bool'],
        ['StopTransactionOnInvalidId', 'true', false, 'bool'],
        ['StopTxnAlignedData', 'Energy.Active.Import.Register', false, 'string'],
        ['StopTxnSampledData', 'Energy.Active.Import.Register', false, 'string'],
        ['SupportedFeatureProfiles', 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger', true, 'string'],
        ['TransactionMessageAttempts', '3', false, 'int'],
        ['TransactionMessageRetryInterval', '60', false, 'int'],
        ['UnlockConnectorOnEVSideDisconnect', 'true', false, 'bool'],
        ['LocalAuthListEnabled', 'true', false, 'bool'],
        ['LocalAuthListMaxLength', '100', true, 'int'],
        ['SendLocalListMaxLength', '100', true, 'int'],
        ['ReserveConnectorZeroSupported', 'false', true, 'bool'],
        ['ChargeProfileMaxStackLevel', '10', true, 'int'],
        ['ChargingScheduleAllowedChargingRateUnit', 'Current,Power', true, 'string'],
        ['ChargingScheduleMaxPeriods', '24', true, 'int'],
        ['MaxChargingProfilesInstalled', '10', true, 'int'],
    ];
    return new Map(entries.map(([key, value, readonly, type]) => [key, { value, readonly, type }]));
}

runMain(main, USAGE);
