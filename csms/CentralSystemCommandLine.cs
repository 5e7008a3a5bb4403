using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using OcppLab.Csms.Configuration;

namespace OcppLab.Csms;

/// <summary>
/// The Central System's command line: its own options, parsed with System.CommandLine (help, a suggestion
/// for a mistyped option, usage errors), and configuration overrides (<c>--Section:Key=value</c>) handed to
/// ASP.NET Core configuration as they are. Exit codes: 0 stopped normally, 1 failed (a busy port, a data
/// directory in use), 2 usage error. An expected failure is one line saying what and what to do; the
/// stack trace only with <c>--verbose</c>.
/// </summary>
public static class CentralSystemCommandLine
{
    /// <summary>The process ended normally (or printed help).</summary>
    public const int Success = 0;

    /// <summary>The Central System failed to start or run.</summary>
    public const int Failed = 1;

    /// <summary>The command line was not understood; nothing ran.</summary>
    public const int UsageError = 2;

    // --Urls too: the configuration key is case-insensitive, and scripts (bench/, the restart test) spell it so.
    private static readonly Option<string?> Urls = new("--urls", "--Urls")
    {
        Description = $"Addresses to listen on, ';'-separated, e.g. http://0.0.0.0:8180 (default {ServerAddress.Default} when neither this, ASPNETCORE_URLS nor Kestrel:Endpoints is set)",
        HelpName = "urls",
    };

    private static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Keep state across restarts in SQLite under this folder (Csms:DataDirectory); without it everything is in memory",
        HelpName = "path",
    };

    private static readonly Option<bool> DemoTls = new("--demo-tls")
    {
        Description = "Make a throwaway CA and server certificate and listen on wss://localhost:8543/ocpp/{id} as well",
    };

    private static readonly Option<string?> Environment = new("--environment")
    {
        Description = "The ASP.NET Core environment (Development, Production, ...), which picks appsettings.{environment}.json",
        HelpName = "name",
    };

    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show the stack trace of a failure",
    };

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="run"/> with what they say, or prints help or a usage error.</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="run">Starts the Central System; returns the exit code.</param>
    /// <param name="output">Where help goes.</param>
    /// <param name="error">Where usage errors and failures go.</param>
    public static async Task<int> InvokeAsync(string[] args, Func<CentralSystemSettings, TextWriter, CancellationToken, Task<int>> run, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(run);
        var (own, configuration) = Split(args);
        var root = new RootCommand(
            "OcppLab Central System: an OCPP 1.6-J Central System with an operator API, a dashboard and the Security Whitepaper's profiles.\n" +
            "Any setting can also be given as --Section:Key=value (e.g. --Csms:HeartbeatIntervalSeconds=60) or as an environment variable (Csms__HeartbeatIntervalSeconds=60); " +
            "ASP.NET Core's host settings (--contentRoot, --http_ports, ...) pass through as well.")
        {
            Urls, DataDir, DemoTls, Environment, Verbose,
        };
        root.SetAction((parsed, cancellationToken) => run(
            new CentralSystemSettings(
                configuration,
                parsed.GetValue(Urls),
                parsed.GetValue(DataDir),
                parsed.GetValue(DemoTls),
                parsed.GetValue(Environment),
                parsed.GetValue(Verbose)),
            error,
            cancellationToken));

        // The host stops on Ctrl+C itself (ConsoleLifetime); the parser must not race it with its own handler.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(own);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(invocation);
        }

        // The error and a suggestion for a mistyped option, without the whole help; exit code 2, nothing ran.
        if (parsed.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
        }

        await parsed.InvokeAsync(invocation);
        await error.WriteLineAsync("Run with --help for the options.");
        return UsageError;
    }

    /// <summary>ASP.NET Core's own host settings, which pass through as configuration (a test host sets some of them too).</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        WebHostDefaults.ApplicationKey,
        WebHostDefaults.ContentRootKey,
        WebHostDefaults.WebRootKey,
        WebHostDefaults.DetailedErrorsKey,
        WebHostDefaults.HostingStartupAssembliesKey,
        WebHostDefaults.HostingStartupExcludeAssembliesKey,
        WebHostDefaults.PreventHostingStartupKey,
        WebHostDefaults.ShutdownTimeoutKey,
        WebHostDefaults.SuppressStatusMessagesKey,
        WebHostDefaults.CaptureStartupErrorsKey,
        WebHostDefaults.StartupAssemblyKey,
        WebHostDefaults.StaticWebAssetsKey,
        WebHostDefaults.HttpPortsKey,
        WebHostDefaults.HttpsPortsKey,
    };

    /// <summary>
    /// Separates configuration overrides (<c>--Section:Key=value</c>, or <c>--Section:Key value</c>) and ASP.NET
    /// Core host settings from the options the parser knows. A configuration key always has a ':', so that a
    /// mistyped option is reported rather than taken for a key.
    /// </summary>
    private static (string[] Own, string[] Configuration) Split(string[] args)
    {
        var own = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !(name.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(name[2..])))
            {
                own.Add(arg);
                continue;
            }

            configuration.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                configuration.Add(args[++i]);
            }
        }

        return ([.. own], [.. configuration]);
    }

    /// <summary>Builds and runs the Central System; a failure to start is one line (with the trace under <c>--verbose</c>).</summary>
    public static async Task<int> RunAsync(CentralSystemSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var builder = settings.CreateBuilder();
            await using var app = builder.Build();
            app.UseCentralSystem();
            await app.RunAsync();
            return Success;
        }
        catch (Exception e) when (Explain(e) is { } explanation)
        {
            await error.WriteLineAsync(explanation);
            if (settings.Verbose)
            {
                await error.WriteLineAsync(e.ToString());
            }

            return Failed;
        }
    }

    /// <summary>One line for a failure an operator can fix; null for a bug, which keeps its trace.</summary>
    private static string? Explain(Exception e)
    {
        if (e is IOException { InnerException: AddressInUseException })
        {
            return $"The Central System cannot listen: {e.Message} Another Central System or fleet may be running; stop it, or choose another address with --urls or ASPNETCORE_URLS.";
        }

        return e switch
        {
            IOException or UnauthorizedAccessException or InvalidOperationException or FormatException =>
                $"The Central System did not start: {e.Message} (--verbose shows the stack trace)",
            _ => null,
        };
    }
}
