using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Messages;

/// <summary>The catalogue of every OCPP 1.6 action (and the Security Whitepaper's), by name and by type.</summary>
public static class OcppActions
{
    private static readonly FrozenDictionary<string, OcppActionDescriptor> ByName;
    private static readonly FrozenDictionary<Type, OcppActionDescriptor> ByRequestType;

    static OcppActions()
    {
        const MessageDirection Cp = MessageDirection.ChargePointToCentralSystem;
        const MessageDirection Cs = MessageDirection.CentralSystemToChargePoint;
        _ = Cs;
        OcppActionDescriptor[] all =
        [
            // Core (OCPP 1.6 §4 and §5)
            Describe<BootNotificationRequest, BootNotificationResponse>(FeatureProfile.Core, Cp),
            Describe<HeartbeatRequest, HeartbeatResponse>(FeatureProfile.Core, Cp),
        ];
        All = all;
        ByName = all.ToFrozenDictionary(d => d.Action, StringComparer.Ordinal);
        ByRequestType = all.ToFrozenDictionary(d => d.RequestType);
    }

    /// <summary>Every action, in catalogue order.</summary>
    public static IReadOnlyList<OcppActionDescriptor> All { get; }

    /// <summary>Finds an action by its wire name (case-sensitive, as OCPP-J requires).</summary>
    public static bool TryGet(string action, [NotNullWhen(true)] out OcppActionDescriptor? descriptor) =>
        ByName.TryGetValue(action, out descriptor);

    /// <summary>Finds the action of a request payload type.</summary>
    public static bool TryGet(Type requestType, [NotNullWhen(true)] out OcppActionDescriptor? descriptor) =>
        ByRequestType.TryGetValue(requestType, out descriptor);

    /// <summary>The action of <typeparamref name="TRequest"/>, resolved once per type.</summary>
    public static OcppActionDescriptor Of<TRequest, TResponse>()
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse => Cache<TRequest, TResponse>.Descriptor;

    private static OcppActionDescriptor Describe<TRequest, TResponse>(FeatureProfile profile, MessageDirection direction)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        new(TRequest.Action, profile, direction, TypeInfo<TRequest>(), TypeInfo<TResponse>());

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)OcppJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is missing from {nameof(OcppJsonContext)}.");

    private static class Cache<TRequest, TResponse>
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        public static readonly OcppActionDescriptor Descriptor = ByName[TRequest.Action];
    }
}
