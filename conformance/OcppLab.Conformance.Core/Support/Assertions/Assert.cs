using System.Diagnostics.CodeAnalysis;

namespace OcppLab.Conformance.Support.Assertions;

/// <summary>
/// The ends a step can give a scenario, with no test framework behind them: each host maps the exceptions
/// to its own outcomes (the NUnit host to Assert.Fail / Inconclusive / Ignore, the tool to its report and exit code).
/// </summary>
public static class Assert
{
    /// <summary>Fails the scenario with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new AssertionException(message);
        }
    }

    [DoesNotReturn]
    public static void Fail(string message) => throw new AssertionException(message);

    [DoesNotReturn]
    public static void Inconclusive(string message) => throw new InconclusiveException(message);

    [DoesNotReturn]
    public static void Ignore(string message) => throw new IgnoreException(message);
}
