using System.Buffers;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;

namespace OcppLab.Csms.Firmware;

/// <summary>The firmware and diagnostics folders, and the only file names allowed in them.</summary>
public sealed class FileFolders(IOptionsMonitor<CsmsOptions> options, IHostEnvironment environment)
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>The firmware folder, created on demand.</summary>
    public string Firmware => Ensure(options.CurrentValue.Files.FirmwareFolder);

    /// <summary>The diagnostics folder of one station, created on demand.</summary>
    public string Diagnostics(string chargePointId) => Ensure(Path.Combine(options.CurrentValue.Files.DiagnosticsFolder, chargePointId));

    /// <summary>
    /// Whether <paramref name="name"/> is a plain file name: letters, digits, dot, dash, underscore, not
    /// starting with a dot, so it can never leave its folder.
    /// </summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 128 && !name.AsSpan().ContainsAnyExcept(Allowed) && name[0] != '.';

    private string Ensure(string folder)
    {
        var full = Path.GetFullPath(folder, environment.ContentRootPath);
        Directory.CreateDirectory(full);
        return full;
    }
}
