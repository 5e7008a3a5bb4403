using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>
/// Applicability (a case of a profile the target does not declare does not apply, octt16-csms.md §1.2 b) and
/// isolation (every case starts on a clean station).
/// </summary>
[Binding]
public sealed class Hooks(ScenarioContext scenario, LabSettings settings, StationCleanUp cleanUp, LabRun run)
{
    [BeforeScenario(Order = 0)]
    public void SkipUndeclaredProfiles()
    {
        foreach (var profile in LabSettings.AllProfiles.Where(p => scenario.Tags.Contains(p) && p != "Core"))
        {
            if (!settings.Declares(profile))
            {
                Assert.Ignore($"Not applicable: the target does not declare the {profile} profile (OCPPLAB_PROFILES={settings.Profiles}).");
            }
        }
    }

    /// <summary>
    /// A set-up the pre-flight found wrong stops the Central System cases: the first fails with the one message
    /// naming the setting to fix, the others do not run.
    /// </summary>
    [BeforeScenario("csms", Order = 1)]
    public async Task SetUpChecked()
    {
        if (await run.PreFlightProblemAsync() is not { } problem)
        {
            return;
        }

        if (run.ClaimPreFlightReport())
        {
            throw new AssertionException("Pre-flight: " + problem);
        }

        Assert.Inconclusive("Not run: the pre-flight found the set-up wrong: " + problem);
    }

    /// <summary>Whatever an earlier scenario could not clean up on this station is cleaned first, or this one does not run.</summary>
    [BeforeScenario(Order = 2)]
    public Task StartClean() => cleanUp.BeforeScenarioAsync();

    [AfterScenario]
    public Task CleanUp() => cleanUp.AfterScenarioAsync();
}
