using System.Diagnostics;

namespace OcppLab.Dashboard.Tests.Support;

/// <summary>
/// Makes sure Debian's <c>chromium</c> and <c>chromium-driver</c> are installed. As root it installs them
/// with apt-get once (a lock file keeps parallel test processes from running apt twice); otherwise it
/// fails with the command to run. No browser is ever downloaded from elsewhere.
/// </summary>
public static class ChromiumInstall
{
    /// <summary>Debian's Chromium launcher.</summary>
    public const string Browser = "/usr/bin/chromium";

    /// <summary>Debian's ChromeDriver, the same build as the browser.</summary>
    public const string Driver = "/usr/bin/chromedriver";

    private const string Command = "apt-get update && apt-get install -y chromium chromium-driver";

    /// <summary>Returns when both files exist, installing them first if this process may.</summary>
    public static async Task EnsureAsync()
    {
        if (Installed)
        {
            return;
        }

        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The dashboard browser tests need Debian's Chromium and its driver ({Browser}, {Driver}). Install them as root: {Command}");
        }

        using var gate = await LockAsync(Path.Combine(Path.GetTempPath(), "ocpplab-chromium-install.lock"));
        if (Installed)
        {
            return;
        }

        var (code, output) = await RunAsync("/bin/sh", $"-c \"{Command}\"");
        if (code != 0 || !Installed)
        {
            throw new InvalidOperationException($"'{Command}' failed ({code}); install chromium and chromium-driver by hand.\n{output}");
        }
    }

    private static bool Installed => File.Exists(Browser) && File.Exists(Driver);

    private static async Task<FileStream> LockAsync(string path)
    {
        // apt may take minutes on a fresh machine: wait up to 15 minutes for the process that installs.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 9000)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
