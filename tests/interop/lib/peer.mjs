// Shared plumbing for the two interop peers: argument parsing, NDJSON output,
// error recording around ocpp-rpc's strict mode, and the stop triggers
// (SIGTERM/SIGINT, stdin closing, a `quit` line on stdin).
//
// stdout carries only NDJSON events; anything meant for humans goes to stderr.

import fs from 'node:fs';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';

export const OCPP16 = 'ocpp1.6';

/** Thrown by parseArgs; the caller prints it and exits with code 2. */
export class BadArgument extends Error {
    constructor(argument, message) {
        super(`${argument}: ${message}`);
        this.argument = argument;
    }
}

/**
 * Parses `--name value` / `--name=value` arguments.
 * spec: { name: { type: 'string'|'int'|'number', default?, required?, check?(value) -> error string | undefined } }
 */
export function parseArgs(argv, spec) {
    const out = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            throw new BadArgument(arg, 'unexpected positional argument');
        }
        let name = arg.slice(2);
        let value;
        const eq = name.indexOf('=');
        if (eq >= 0) {
            value = name.slice(eq + 1);
            name = name.slice(0, eq);
        }
        const opt = spec[name];
        if (!opt) {
            throw new BadArgument(`--${name}`, `unknown argument (known: ${Object.keys(spec).map(k => '--' + k).join(', ')})`);
        }
        if (value === undefined) {
            if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
                throw new BadArgument(`--${name}`, 'missing value');
            }
            value = argv[++i];
        }
        if (name in out) {
            throw new BadArgument(`--${name}`, 'given more than once');
        }
        out[name] = convert(name, opt, value);
    }
    for (const [name, opt] of Object.entries(spec)) {
        if (!(name in out)) {
            if (opt.required) {
                throw new BadArgument(`--${name}`, 'is required');
            }
            out[name] = opt.default;
        }
    }
    return out;
}

function convert(name, opt, raw) {
    let value = raw;
    if (opt.type === 'int' || opt.type === 'number') {
        const re = opt.type === 'int' ? /^\d+$/ : /^\d+(\.\d+)?$/;
        if (!re.test(raw)) {
            throw new BadArgument(`--${name}`, `expected a non-negative ${opt.type === 'int' ? 'integer' : 'number'}, got '${raw}'`);
        }
        value = Number(raw);
    }
    const problem = opt.check?.(value);
    if (problem) {
        throw new BadArgument(`--${name}`, `${problem} (got '${raw}')`);
    }
    return value;
}

/** Runs main(); turns BadArgument into exit code 2 and anything unexpected into exit code 1. */
export function runMain(main, usage) {
    main().catch(err => {
        if (err instanceof BadArgument) {
            process.stderr.write(`bad argument ${err.message}\n${usage}\n`);
            process.stdout.write(JSON.stringify({
                event: 'error', action: null, code: 'BadArgument', argument: err.argument, message: err.message,
            }) + '\n', () => process.exit(2));
            return;
        }
        process.stderr.write(`fatal: ${err?.stack ?? err}\n`);
        process.stdout.write(JSON.stringify({
            event: 'error', action: null, code: 'PeerCrashed', class: err?.constructor?.name ?? typeof err, message: String(err?.message ?? err),
        }) + '\n', () => process.exit(1));
    });
}

export const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

export const now = () => new Date().toISOString();

/** Resolves after ms, or as soon as signal aborts. */
export const sleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted) return resolve();
    const onAbort = () => { clearTimeout(t); resolve(); };
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});

/** Class name, OCPP error code and message of anything ocpp-rpc (or the socket) may throw. */
export function describeError(err) {
    const info = {
        class: err?.constructor?.name ?? typeof err,
        code: err?.rpcErrorCode ?? err?.code ?? err?.name ?? 'Error',
        message: err?.message || err?.rpcErrorMessage || String(err),
    };
    // Schema failures carry ajv's error list; keep the useful part of it.
    const ajvErrors = err?.details?.errors;
    if (Array.isArray(ajvErrors)) {
        info.violations = ajvErrors.map(e => ({ path: e.instancePath || '/', keyword: e.keyword, message: e.message }));
    }
    return info;
}

/**
 * The code ocpp-rpc puts on the wire for a CALLERROR: on ocpp1.6 it renames FormatViolation to
 * FormationViolation and OccurenceConstraintViolation to OccurrenceConstraintViolation.
 */
export function wireCode(code, protocol) {
    if (protocol !== OCPP16) return code;
    return { FormatViolation: 'FormationViolation', OccurenceConstraintViolation: 'OccurrenceConstraintViolation' }[code] ?? code;
}

/**
 * Writes NDJSON events and keeps the counters for the summary line.
 * `base` is merged into every call/received/error event (the central system adds the identity).
 */
export class Recorder {
    constructor() {
        this.counts = { calls: 0, received: 0, errors: 0, schemaFailures: 0 };
    }

    emit(obj) {
        process.stdout.write(JSON.stringify(obj) + '\n');
    }

    error(fields) {
        this.counts.errors++;
        this.emit({ event: 'error', action: null, ...fields });
    }

    /** Records an expectation about a (schema-valid) answer that did not hold. */
    unexpected(base, action, message) {
        this.error({ ...base, action, direction: 'out', code: 'UnexpectedResponse', class: 'ExpectationFailed', message });
    }

    summary(extra = {}) {
        return new Promise(resolve => {
            process.stdout.write(JSON.stringify({ event: 'summary', ...this.counts, ...extra }) + '\n', resolve);
        });
    }

    /**
     * Wires an RPCClient / RPCServerClient: registers one handler per action (so ocpp-rpc itself
     * answers NotImplemented for anything else), records every received call, every strict-mode
     * failure in either direction, bad frames, and returns a `call` function that records
     * outbound calls.
     *
     * handlers: { Action: async (params, ctx) => reply }   ctx.after(fn) runs fn once the reply is sent.
     */
    attach(client, handlers, base = {}) {
        const schemaErrors = new WeakSet();    // errors already counted as schema failures
        const ourBadReplies = new Set();       // message ids whose reply failed our own validation
        const recordedInbound = new Set();     // message ids whose failure is already recorded

        client.on('strictValidationFailure', ({ messageId, method, params, result, error, outbound, isCall }) => {
            this.counts.schemaFailures++;
            schemaErrors.add(error);
            if (outbound === isCall) {
                // Our own request (outbound call) or the peer's answer to it (inbound result):
                // the rejected promise reaches call() below, which records it.
                return;
            }
            const what = isCall ? 'request received from peer' : 'our reply';
            if (!isCall) ourBadReplies.add(messageId);
            recordedInbound.add(messageId);
            this.error({
                ...base, action: method, direction: 'in', schema: true,
                ...describeError(error), message: `${what} failed strict validation: ${describeError(error).message}`,
                ...(isCall ? { params } : { params, reply: result }),
            });
        });

        client.on('callResult', ({ outbound, method, params, result }) => {
            if (outbound) return;
            this.counts.received++;
            this.emit({ event: 'received', ...base, action: method, params, reply: result });
        });

        client.on('callError', ({ outbound, messageId, method, params, error }) => {
            if (outbound) return;
            if (ourBadReplies.delete(messageId)) {
                recordedInbound.delete(messageId);
                return; // 'received' was already written with the reply we tried to send
            }
            const info = describeError(error);
            this.counts.received++;
            this.emit({ event: 'received', ...base, action: method, params, reply: null, callError: { code: wireCode(info.code, client.protocol), message: info.message } });
            if (!recordedInbound.delete(messageId)) {
                this.error({ ...base, action: method, direction: 'in', schema: false, ...info });
            }
        });

        client.on('badMessage', ({ buffer, error }) => {
            this.error({
                ...base, action: null, direction: 'in', schema: false, ...describeError(error),
                frame: Buffer.isBuffer(buffer) ? buffer.toString('utf8').slice(0, 500) : String(buffer).slice(0, 500),
            });
        });

        for (const [action, handler] of Object.entries(handlers)) {
            client.handle(action, async ({ params }) => {
                const deferred = [];
                const reply = await handler(params, { after: fn => deferred.push(fn) });
                if (deferred.length) {
                    // Give ocpp-rpc time to validate and send the reply before follow-up calls go out.
                    setTimeout(() => deferred.forEach(fn => Promise.resolve().then(fn).catch(e => log('follow-up failed:', e?.stack ?? e))), 50);
                }
                return reply;
            });
        }

        /** Makes one outbound call; resolves to the response, or undefined after recording the failure. */
        const call = async (action, request) => {
            const t0 = performance.now();
            this.counts.calls++;
            try {
                const response = await client.call(action, request);
                const ms = Math.round((performance.now() - t0) * 10) / 10;
                this.emit({ event: 'call', ...base, direction: 'out', action, request, response, ms });
                return response;
            } catch (err) {
                const ms = Math.round((performance.now() - t0) * 10) / 10;
                const schema = schemaErrors.has(err);
                const info = describeError(err);
                let message = info.message;
                if (schema) {
                    message = `${err.details?.data === request ? 'our request' : 'response'} failed strict validation: ${message}`;
                } else if (err?.rpcErrorCode) {
                    message = `peer answered CALLERROR ${info.code}: ${message}`;
                }
                this.error({ ...base, action, direction: 'out', schema, ...info, message, request, ms });
                return undefined;
            }
        };
        return call;
    }
}

/**
 * Calls onStop(reason) once on SIGTERM, SIGINT, a `quit` line on stdin, or stdin closing.
 * stdin only counts when it is a pipe, socket or terminal: a process started with stdin on
 * /dev/null (as CI does) would otherwise stop at once.
 */
export function onStopRequest(onStop) {
    let fired = false;
    const fire = reason => {
        if (fired) return;
        fired = true;
        log(`stop requested: ${reason}`);
        onStop(reason);
    };
    process.once('SIGTERM', () => fire('SIGTERM'));
    process.once('SIGINT', () => fire('SIGINT'));

    let stat;
    try {
        stat = fs.fstatSync(0);
    } catch {
        return;
    }
    if (!(stat.isFIFO() || stat.isSocket() || process.stdin.isTTY)) {
        return;
    }
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    rl.on('line', line => {
        if (line.trim() === 'quit') fire('quit on stdin');
    });
    rl.on('close', () => fire('stdin closed'));
}
