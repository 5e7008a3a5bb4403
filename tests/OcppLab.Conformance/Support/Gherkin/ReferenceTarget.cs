using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// Our own Central System is the lab's reference: OCTT's tolerances (a case that passes with a warning, such
/// as DataTransfer answered Accepted for an unknown vendor in TC_064, or a command sent through the raw relay
/// because a manual action is missing) are there for other Central Systems. Against the embedded one a
/// warning is a defect, so a scenario that passed with one fails here; a Central System by URL, or a run that
/// asks for the relay, keeps OCTT's verdict.
/// </summary>
public static class ReferenceTarget
{
    /// <summary>Fails the test when <paramref name="result"/> passed against the embedded Central System with a warning.</summary>
    public static void Report(LabSettings settings, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        if (!settings.TargetsEmbeddedCsms || settings.UseRelay || result.Outcome != ScenarioOutcome.Passed || result.Warnings is not { Count: > 0 } warnings)
        {
            return;
        }

        throw new AssertionException($"Our Central System passed only with a warning, which OCTT tolerates from others:\n{string.Join('\n', warnings)}");
    }
}
