using System.Globalization;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>
/// Checks on what the SendLocalList.req the CSMS sent did to the charge point's list (OCPP 1.6 §5.15), beyond
/// OCTT's check of each message: the list ends up holding exactly the id tags the operator asked for, each with
/// the status the CSMS holds for it, and every update carries a listVersion above the one before (TC_043_5).
/// </summary>
[Binding]
public sealed class LocalListSteps(LabChargePoint chargePoint, LabValues values)
{
    /// <summary>A table of "id tag | idTagInfo.status" rows: the whole list, nothing more.</summary>
    [Then("^the charge point's local authorization list holds:$")]
    public void Holds(DataTable entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expected = entries.Cells.ToDictionary(row => values.Resolve(row[0].Trim()), row => (string?)row[1].Trim(), StringComparer.OrdinalIgnoreCase);
        Compare(expected);
    }

    [Then("^the charge point's local authorization list is empty$")]
    public void Empty() => Compare(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));

    [Then("^every SendLocalList the CSMS sent carries a listVersion above the one before$")]
    public void VersionsRise()
    {
        var versions = LocalAuthorizationList.Versions(chargePoint.ReceivedCalls);
        Assert.That(versions.Count > 0, "The CSMS sent no SendLocalList.req.");
        for (var i = 1; i < versions.Count; i++)
        {
            if (versions[i] <= versions[i - 1])
            {
                throw new AssertionException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"SendLocalList.req number {i + 1} carries listVersion {versions[i]}, not above the {versions[i - 1]} of the one before (versions sent: {string.Join(", ", versions)})."));
            }
        }
    }

    private void Compare(Dictionary<string, string?> expected)
    {
        var held = LocalAuthorizationList.Held(chargePoint.AnsweredCalls);
        var wrong = expected.Where(e => !held.TryGetValue(e.Key, out var status) || status != e.Value)
            .Select(e => held.TryGetValue(e.Key, out var status) ? $"{e.Key} is {status ?? "(no status)"}, expected {e.Value}" : $"{e.Key} is missing")
            .Concat(held.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k} ({held[k]}) should not be in it"));
        var problems = string.Join("; ", wrong);
        if (problems.Length > 0)
        {
            throw new AssertionException($"After the SendLocalList.req it accepted, the charge point's local authorization list is wrong: {problems}.");
        }
    }
}
