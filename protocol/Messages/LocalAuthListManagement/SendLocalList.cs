using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.LocalAuthListManagement;

/// <summary>SendLocalList.req (OCPP 1.6 §6.41): the Central System replaces or changes the local authorization list.</summary>
public sealed record SendLocalListRequest : IOcppRequest<SendLocalListRequest, SendLocalListResponse>
{
    /// <inheritdoc/>
    public static string Action => "SendLocalList";

    /// <summary>The version of the list once this update is applied.</summary>
    public required int ListVersion { get; init; }

    /// <summary>The new list (full update) or the changes to it (differential update); idTags must be unique.</summary>
    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    /// <summary>Full or differential update.</summary>
    public required UpdateType UpdateType { get; init; }
}

/// <summary>SendLocalList.conf (OCPP 1.6 §6.42).</summary>
public sealed record SendLocalListResponse : IOcppResponse
{
    /// <summary>Whether the update was received and applied.</summary>
    public required UpdateStatus Status { get; init; }
}
