using System.Text.Json.Nodes;
using OcppLab.ChargePoint;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// Deliberate defects of the charge point under test, to prove that the cases can fail. The default has
/// none. A defect either changes what the charge point puts on the wire, swallows a Central System
/// request with an answer the real one would not give, or sets the charge point up wrongly.
/// </summary>
public sealed class ChargePointFaults
{
    /// <summary>Rewrites a request the charge point sends, before the lab sees it.</summary>
    public Func<string, JsonObject, JsonObject>? RewriteRequest { get; init; }

    /// <summary>Answers a Central System request in place of the charge point (null: the charge point answers).</summary>
    public Func<string, JsonObject, JsonObject?>? AnswerInstead { get; init; }

    /// <summary>Rewrites a Central System request before the charge point gets it (the charge point "hears" it wrongly).</summary>
    public Func<string, JsonObject, JsonObject>? RewriteCall { get; init; }

    /// <summary>Changes the charge point right after it is built.</summary>
    public Action<VirtualChargePoint>? Setup { get; init; }

    /// <summary>The charge point is the real one: only then do its timings go into the report.</summary>
    public bool IsNone => RewriteRequest is null && AnswerInstead is null && RewriteCall is null && Setup is null;

    public void Apply(VirtualChargePoint chargePoint) => Setup?.Invoke(chargePoint);
}
