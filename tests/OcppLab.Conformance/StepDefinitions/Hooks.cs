using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>Applicability: a case of a profile the target does not declare does not apply (octt16-csms.md §1.2 b).</summary>
[Binding]
public sealed class Hooks(ScenarioContext scenario, LabSettings settings, ChargePointMessages messages)
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

    [AfterScenario]
    public Task CleanUp() => messages.StopLeftoverTransactionAsync();
}
