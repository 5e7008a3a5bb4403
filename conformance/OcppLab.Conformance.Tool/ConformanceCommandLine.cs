using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Reflection;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Tool;

/// <summary>
/// <c>ocpplab conformance</c>: every lab setting as an option named after it (<c>--valid-id-tag</c> for
/// OCPPLAB_VALID_ID_TAG), with the short names of the everyday ones (<c>--csms</c>, <c>--operator</c>,
/// <c>--security-profile</c>, <c>--password</c>, <c>--profiles</c>, <c>--report</c>). An option wins over the
/// environment variable, which wins over the settings file, which wins over the default. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class ConformanceCommandLine
{
    /// <summary>The tool's command (ToolCommandName).</summary>
    public const string CommandName = "ocpplab";

    /// <summary>The short names OCTT users reach for first.</summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        [nameof(LabSettings.CsmsUrl)] = "--csms",
        [nameof(LabSettings.OperatorUrl)] = "--operator",
        [nameof(LabSettings.SecurityProfiles)] = "--security-profile",
        [nameof(LabSettings.BasicAuthPassword)] = "--password",
        [nameof(LabSettings.ReportFolder)] = "--report",
    };

    /// <summary>What the settings a user must think about mean; the others are OCTT's configured values, named as in the test case document.</summary>
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [nameof(LabSettings.CsmsUrl)] = "WebSocket URL of your Central System; the charge point id is appended (required)",
        [nameof(LabSettings.OperatorUrl)] = "Base URL of the operator contract your Central System (or its adapter) offers; without it the cases the Central System starts are not run",
        [nameof(LabSettings.CsmsTlsUrl)] = "wss:// URL of your Central System for Security Profiles 2 and 3",
        [nameof(LabSettings.Profiles)] = "Feature profiles your Central System declares, comma-separated: " + string.Join(", ", LabSettings.AllProfiles) + " (default Core)",
        [nameof(LabSettings.SecurityProfiles)] = "Security profiles your Central System declares, comma-separated: 1, 2, 3 (none: every case connects at profile 0)",
        [nameof(LabSettings.CurrentSecurityProfile)] = "The declared security profile every case connects at",
        [nameof(LabSettings.BasicAuthPassword)] = "The charge point's HTTP Basic password (Security Profiles 1 and 2)",
        [nameof(LabSettings.ReportFolder)] = "Folder of the report (Markdown, JSON, HTML, JUnit XML) (default ./conformance-report)",
        [nameof(LabSettings.ChargePointId)] = "The charge point identity every case connects as; register it in your Central System",
        [nameof(LabSettings.ValidIdTag)] = "An id tag your Central System accepts",
        [nameof(LabSettings.InvalidIdTag)] = "An id tag your Central System does not know",
        [nameof(LabSettings.ExpiredIdTag)] = "An id tag your Central System knows as Expired",
        [nameof(LabSettings.BlockedIdTag)] = "An id tag your Central System knows as Blocked",
        [nameof(LabSettings.HeartbeatIntervalSeconds)] = "The heartbeat interval your Central System hands out in BootNotification.conf",
        [nameof(LabSettings.ClientCertificateFile)] = "Security Profile 3: the charge point's client certificate (PEM, or .pfx/.p12)",
        [nameof(LabSettings.CsmsCaCertificateFile)] = "A PEM CA certificate your wss:// server certificate chains to (default: the system's trust store)",
    };

    private static readonly Option<string?> SettingsFile = new("--settings-file")
    {
        Description = $"A JSON file of settings, {{\"ValidIdTag\": \"...\"}} [env {LabSettings.EnvironmentPrefix}SETTINGS_FILE]",
        HelpName = "path",
    };

    private static readonly Option<string?> Filter = new("--filter")
    {
        Description = "Only the cases whose test case id (TC_001_CSMS, or a prefix such as TC_04) or tag (Core, SmartCharging, Security, ...) is listed, comma-separated",
        HelpName = "cases",
    };

    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print every step as it runs",
    };

    private static readonly Option<string?> ContractOutput = new("--output", "-o")
    {
        Description = $"Write the document to this file instead of printing it (e.g. {OperatorContract.FileName})",
        HelpName = "path",
    };

    /// <summary>Parses <paramref name="args"/> and runs the suite, or prints help or a usage error; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var settingOptions = SettingProperties.ToDictionary(p => p.Name, OptionFor, StringComparer.Ordinal);
        var conformance = new Command("conformance", "Run the OCTT 1.6 Central System cases against your Central System and write the report.\n" +
            "Exit codes: 0 every selected case that applies passed; 1 a case failed or could not run; 2 usage error; 3 set-up error (the pre-flight failed).");
        foreach (var option in settingOptions.Values)
        {
            conformance.Options.Add(option);
        }

        conformance.Options.Add(SettingsFile);
        conformance.Options.Add(Filter);
        conformance.Options.Add(Verbose);
        conformance.SetAction(async (parsed, _) =>
        {
            var given = settingOptions
                .Where(o => parsed.GetValue(o.Value) is not null)
                .ToDictionary(o => o.Key, o => (Option: o.Value.Name, Value: parsed.GetValue(o.Value)!), StringComparer.Ordinal);
            if (!TryLoad(given, parsed.GetValue(SettingsFile), out var settings, out var problem))
            {
                await error.WriteLineAsync(problem);
                await error.WriteLineAsync("Run ocpplab conformance --help for the options.");
                return ExitCodes.UsageError;
            }

            var filter = (parsed.GetValue(Filter) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return await SuiteRun.RunAsync(settings, filter, parsed.GetValue(Verbose), output, error);
        });

        // The document a team generates its adapter from, as this version of the tool speaks it.
        var contract = new Command("contract", "Print the operator contract (OpenAPI 3.1, YAML): the manual actions the cases ask your Central System to perform, " +
            "POST {operator}/api/charge-points/{id}/manual/{action}. Generate your adapter from it.")
        {
            ContractOutput,
        };
        contract.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(ContractOutput) is not { } path)
            {
                await output.WriteAsync(OperatorContract.Text);
                return ExitCodes.Passed;
            }

            try
            {
                await File.WriteAllTextAsync(path, OperatorContract.Text, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"--output: the contract cannot be written to {path}: {e.Message}");
                return ExitCodes.UsageError;
            }

            await output.WriteLineAsync($"Wrote the operator contract to {path}.");
            return ExitCodes.Passed;
        });
        conformance.Subcommands.Add(contract);

        // Named as the tool is installed (a RootCommand takes the assembly's name, which the user never types).
        var root = new Command(CommandName, "OcppLab: check an OCPP 1.6-J Central System against the OCTT test cases before the OCA test tool does.")
        {
            new HelpOption(), new VersionOption(), conformance,
        };
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var result = root.Parse(args);
        if (result.Errors.Count == 0)
        {
            return await result.InvokeAsync(invocation);
        }

        foreach (var parseError in result.Errors)
        {
            await error.WriteLineAsync(parseError.Message);
        }

        await error.WriteLineAsync("Run ocpplab conformance --help for the options.");
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// The run's settings: the environment (and settings file) with the given options on top. Each option's
    /// value is checked on its own first, so that the message names the option rather than a variable.
    /// </summary>
    internal static bool TryLoad(IReadOnlyDictionary<string, (string Option, string Value)> given, string? settingsFile, out LabSettings settings, out string problem)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.OrdinalIgnoreCase);
        if (settingsFile is not null)
        {
            environment[LabSettings.EnvironmentPrefix + "SETTINGS_FILE"] = settingsFile;
        }

        settings = new LabSettings();
        try
        {
            foreach (var (name, (option, value)) in given)
            {
                new LabSettings().Set(name, value, option);
                environment[LabSettings.EnvironmentName(name)] = value;
            }

            // Loading with the options in place keeps the target-dependent defaults right (Core only for a foreign target).
            settings = LabSettings.Load(environment);
            foreach (var (name, (option, value)) in given)
            {
                settings.Set(name, value, option);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return false;
        }

        if (settings.TargetsEmbeddedCsms)
        {
            problem = $"No Central System to test: give --csms ws://host:port/ocpp/ (or set {LabSettings.EnvironmentName(nameof(LabSettings.CsmsUrl))}).";
            return false;
        }

        var loaded = settings;
        var problems = loaded.Problems().Select(p =>
            $"{Source(loaded, given, p.Setting)}: '{p.Value}' is not allowed for {p.Setting}; it takes {p.Allowed}.").ToList();
        problem = string.Join(Environment.NewLine, problems);
        return problems.Count == 0;
    }

    private static string Source(LabSettings settings, IReadOnlyDictionary<string, (string Option, string Value)> given, string setting) =>
        given.TryGetValue(setting, out var g) ? g.Option : settings.Sources.GetValueOrDefault(setting) ?? "default";

    private static IEnumerable<PropertyInfo> SettingProperties =>
        typeof(LabSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.CanRead);

    /// <summary>--csms-url for CsmsUrl, with its variable and default in the help.</summary>
    private static Option<string?> OptionFor(PropertyInfo property)
    {
        var variable = LabSettings.EnvironmentName(property.Name);
        var name = "--" + variable[LabSettings.EnvironmentPrefix.Length..].ToLowerInvariant().Replace('_', '-');
        var defaultValue = Convert.ToString(property.GetValue(new LabSettings()), CultureInfo.InvariantCulture);
        var description = Descriptions.GetValueOrDefault(property.Name) ?? $"OCTT configured value {property.Name}";
        var option = ShortNames.TryGetValue(property.Name, out var shortName) ? new Option<string?>(shortName, name) : new Option<string?>(name);
        option.Description = $"{description} [env {variable}{(string.IsNullOrEmpty(defaultValue) ? "" : ", default " + defaultValue)}]";
        option.HelpName = property.PropertyType == typeof(string) ? "text" : property.PropertyType == typeof(bool) ? "true|false" : "number";
        return option;
    }
}
