// The command line of the load-generator peers: `--name value` pairs over a set of defaults (a number default
// makes the value a number), and a Central System URL that must stay on loopback, as every load test here does.
// Each peer keeps its own limits and usage text; `fail(problem)` is its way to print them and exit.

export function readOptions(argv, defaults, fail) {
    const out = { ...defaults };
    for (let i = 0; i < argv.length; i += 2) {
        const name = argv[i]?.replace(/^--/, '');
        const value = argv[i + 1];
        if (!(name in out) || value === undefined) {
            fail(`bad argument '${argv[i]}'`);
        }
        out[name] = typeof out[name] === 'number' ? Number(value) : value;
    }
    let url;
    try { url = new URL(out.url); } catch { fail(`--url '${out.url}' is not a URL`); }
    if (url.protocol !== 'ws:' || !url.hostname.startsWith('127.')) {
        fail(`--url '${out.url}' must be a ws:// URL on 127.0.0.0/8 (load tests stay on loopback)`);
    }
    return out;
}
