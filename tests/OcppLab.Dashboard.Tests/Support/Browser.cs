using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace OcppLab.Dashboard.Tests.Support;

/// <summary>
/// Headless Debian Chromium driven by Debian's ChromeDriver, with a fresh empty profile and every
/// network feature of its own switched off (the machine reaches only loopback).
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "ocpplab-chromium-" + Guid.NewGuid().ToString("N"));

    private Browser(int width, int height)
    {
        Directory.CreateDirectory(profile);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumInstall.Driver)!, Path.GetFileName(ChromiumInstall.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumInstall.Browser };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            $"--user-data-dir={profile}",
            $"--window-size={width},{height}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>The WebDriver session.</summary>
    public ChromeDriver Driver { get; }

    /// <summary>Installs Chromium if needed and starts it.</summary>
    public static async Task<Browser> StartAsync(int width = 1440, int height = 1200)
    {
        await ChromiumInstall.EnsureAsync();
        return new Browser(width, height);
    }

    /// <summary>Waits until <paramref name="condition"/> returns a value other than null or false.</summary>
    public T WaitFor<T>(Func<IWebDriver, T> condition, string what, double seconds = 20)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = $"waiting for {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>Waits for an element that is displayed.</summary>
    public IWebElement WaitForVisible(By by, string what, double seconds = 20) =>
        WaitFor(d => d.FindElements(by).FirstOrDefault(e => e.Displayed), what, seconds)!;

    /// <summary>Clicks the element found by <paramref name="by"/>, finding it again if a live update replaced it.</summary>
    public void Click(By by, string what, double seconds = 20) =>
        WaitFor(
            d =>
            {
                var element = d.FindElements(by).FirstOrDefault(e => e.Displayed);
                element?.Click();
                return element is not null;
            },
            what,
            seconds);

    /// <summary>Saves a screenshot of the window as PNG.</summary>
    public void Screenshot(string path) => Driver.GetScreenshot().SaveAsFile(path);

    /// <inheritdoc/>
    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
