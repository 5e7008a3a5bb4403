namespace OcppLab.Protocol;

/// <summary>
/// The CALLERROR error codes of OCPP-J 1.6 §4.2.3. Written on the wire with the 1.6 spellings
/// (<c>FormationViolation</c>, <c>OccurenceConstraintViolation</c>), which differ from OCPP 2.x.
/// </summary>
public enum OcppErrorCode
{
    /// <summary>Requested Action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>Requested Action is recognized but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>An internal error occurred and the receiver was not able to process the requested Action.</summary>
    InternalError,

    /// <summary>Payload for Action is incomplete.</summary>
    ProtocolError,

    /// <summary>During the processing of Action a security issue occurred.</summary>
    SecurityError,

    /// <summary>Payload for Action is syntactically incorrect or does not conform to the PDU structure.</summary>
    FormationViolation,

    /// <summary>Payload is syntactically correct but at least one field contains an invalid value.</summary>
    PropertyConstraintViolation,

    /// <summary>Payload is syntactically correct but at least one field violates occurrence constraints.</summary>
    OccurenceConstraintViolation,

    /// <summary>Payload is syntactically correct but at least one field violates data type constraints.</summary>
    TypeConstraintViolation,

    /// <summary>Any other error not covered by the previous ones.</summary>
    GenericError,
}

/// <summary>Wire spellings of <see cref="OcppErrorCode"/>.</summary>
public static class OcppErrorCodes
{
    /// <summary>The 1.6 wire spelling of <paramref name="code"/>.</summary>
    public static string ToWire(this OcppErrorCode code) => code switch
    {
        OcppErrorCode.NotImplemented => "NotImplemented",
        OcppErrorCode.NotSupported => "NotSupported",
        OcppErrorCode.InternalError => "InternalError",
        OcppErrorCode.ProtocolError => "ProtocolError",
        OcppErrorCode.SecurityError => "SecurityError",
        OcppErrorCode.FormationViolation => "FormationViolation",
        OcppErrorCode.PropertyConstraintViolation => "PropertyConstraintViolation",
        OcppErrorCode.OccurenceConstraintViolation => "OccurenceConstraintViolation",
        OcppErrorCode.TypeConstraintViolation => "TypeConstraintViolation",
        OcppErrorCode.GenericError => "GenericError",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an OCPP 1.6 error code."),
    };

    /// <summary>
    /// Reads an error code sent by a peer. Besides the 1.6 spellings it accepts the 2.x spellings that
    /// some 1.6 stacks send (<c>FormatViolation</c>, <c>OccurrenceConstraintViolation</c>).
    /// </summary>
    public static bool TryParse(string? wire, out OcppErrorCode code)
    {
        switch (wire)
        {
            case "NotImplemented": code = OcppErrorCode.NotImplemented; return true;
            case "NotSupported": code = OcppErrorCode.NotSupported; return true;
            case "InternalError": code = OcppErrorCode.InternalError; return true;
            case "ProtocolError": code = OcppErrorCode.ProtocolError; return true;
            case "SecurityError": code = OcppErrorCode.SecurityError; return true;
            case "FormationViolation" or "FormatViolation": code = OcppErrorCode.FormationViolation; return true;
            case "PropertyConstraintViolation": code = OcppErrorCode.PropertyConstraintViolation; return true;
            case "OccurenceConstraintViolation" or "OccurrenceConstraintViolation": code = OcppErrorCode.OccurenceConstraintViolation; return true;
            case "TypeConstraintViolation": code = OcppErrorCode.TypeConstraintViolation; return true;
            case "GenericError": code = OcppErrorCode.GenericError; return true;
            default: code = OcppErrorCode.GenericError; return false;
        }
    }
}
