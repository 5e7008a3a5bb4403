using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages;

/// <summary>Everything known about one OCPP action: its name, profile, direction, types and schemas.</summary>
public sealed class OcppActionDescriptor
{
    internal OcppActionDescriptor(
        string action,
        FeatureProfile profile,
        MessageDirection direction,
        JsonTypeInfo requestTypeInfo,
        JsonTypeInfo responseTypeInfo)
    {
        Action = action;
        Profile = profile;
        Direction = direction;
        RequestTypeInfo = requestTypeInfo;
        ResponseTypeInfo = responseTypeInfo;
        RequestSchema = PayloadSchema.For(requestTypeInfo.Type);
        ResponseSchema = PayloadSchema.For(responseTypeInfo.Type);
    }

    /// <summary>The action name on the wire.</summary>
    public string Action { get; }

    /// <summary>The feature profile the action belongs to.</summary>
    public FeatureProfile Profile { get; }

    /// <summary>Which side sends the CALL.</summary>
    public MessageDirection Direction { get; }

    /// <summary>The request payload type.</summary>
    public Type RequestType => RequestTypeInfo.Type;

    /// <summary>The response payload type.</summary>
    public Type ResponseType => ResponseTypeInfo.Type;

    /// <summary>Source-generated serialization metadata of the request.</summary>
    public JsonTypeInfo RequestTypeInfo { get; }

    /// <summary>Source-generated serialization metadata of the response.</summary>
    public JsonTypeInfo ResponseTypeInfo { get; }

    /// <summary>The 1.6 schema constraints of the request payload.</summary>
    public PayloadSchema RequestSchema { get; }

    /// <summary>The 1.6 schema constraints of the response payload.</summary>
    public PayloadSchema ResponseSchema { get; }

    /// <inheritdoc/>
    public override string ToString() => Action;
}
