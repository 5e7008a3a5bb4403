namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingProfile (OCPP 1.6 §7.8): a charging schedule with its purpose, stack level and validity.</summary>
public sealed record ChargingProfile
{
    /// <summary>Unique id of the profile.</summary>
    public required int ChargingProfileId { get; init; }

    /// <summary>The transaction a TxProfile is bound to; only meaningful for that purpose.</summary>
    public int? TransactionId { get; init; }

    /// <summary>Position in the profile stack, from 0; a higher level overrides a lower one.</summary>
    public required int StackLevel { get; init; }

    /// <summary>What the profile is for.</summary>
    public required ChargingProfilePurposeType ChargingProfilePurpose { get; init; }

    /// <summary>How the schedule is anchored in time.</summary>
    public required ChargingProfileKindType ChargingProfileKind { get; init; }

    /// <summary>The recurrence of a Recurring profile.</summary>
    public RecurrencyKindType? RecurrencyKind { get; init; }

    /// <summary>When the profile becomes valid; valid on receipt when absent.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>When the profile stops being valid; valid until replaced when absent.</summary>
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>The limits over time.</summary>
    public required ChargingSchedule ChargingSchedule { get; init; }
}
