namespace OcppLab.Conformance.Tool;

/// <summary>What <c>ocpplab conformance</c> ends with, for a CI job to act on.</summary>
public static class ExitCodes
{
    /// <summary>Every selected case that applies to the target ran and passed (or help or the operator contract was printed).</summary>
    public const int Passed = 0;

    /// <summary>At least one case failed, or applied but could not run (e.g. no operator contract): the report says which.</summary>
    public const int Failed = 1;

    /// <summary>The command line was not understood or a value is not allowed; nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The set-up is wrong (the pre-flight failed against the target) or the tool's own cases are missing; no case result counts.</summary>
    public const int SetUpError = 3;
}
