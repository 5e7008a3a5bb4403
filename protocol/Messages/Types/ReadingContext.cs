using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ReadingContext (OCPP 1.6 §7.35): why a sampled value was taken; Sample.Periodic when absent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadingContext>))]
public enum ReadingContext
{
    /// <summary>Taken when an interruption started.</summary>
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,

    /// <summary>Taken when resuming after an interruption.</summary>
    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,

    /// <summary>Taken in any other situation.</summary>
    Other,

    /// <summary>Taken at a clock-aligned interval.</summary>
    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,

    /// <summary>Taken periodically, counted from the start of the transaction.</summary>
    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,

    /// <summary>Taken when the transaction started.</summary>
    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,

    /// <summary>Taken when the transaction ended.</summary>
    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,

    /// <summary>Taken because a TriggerMessage asked for it.</summary>
    Trigger,
}
