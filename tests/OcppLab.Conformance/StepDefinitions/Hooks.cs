using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>
/// Applicability (a case of a profile the target does not declare does not apply, octt16-csms.md §1.2 b) and
/// isolation (every case starts on a clean station).
/// </summary>
[Binding]
public sealed class Hooks(ScenarioContext scenario, LabSettings settings, StationCleanUp cleanUp)
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

    /// <summary>Whatever an earlier scenario could not clean up on this station is cleaned first, or this one does not run.</summary>
    [BeforeScenario(Order = 1)]
    public Task StartClean() => cleanUp.BeforeScenarioAsync();

    [AfterScenario]
    public Task CleanUp() => cleanUp.AfterScenarioAsync();
}
