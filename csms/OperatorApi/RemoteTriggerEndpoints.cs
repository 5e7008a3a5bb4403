using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Protocol.Messages.RemoteTrigger;

namespace OcppLab.Csms.OperatorApi;

/// <summary>Remote Trigger (OCPP 1.6 §5.17): ask a station to send a message now.</summary>
public static class RemoteTriggerEndpoints
{
    /// <summary>Maps the endpoint under <c>/charge-points/{id}</c>.</summary>
    public static RouteGroupBuilder MapRemoteTrigger(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}").WithTags("Remote trigger");
        group.MapPost("/trigger-message", Trigger)
            .WithSummary("TriggerMessage for any requestedMessage and any connectorId (also one the station does not have, TC_055).")
            .Produces<TriggerMessageResponse>().CallsStation();
        return group;
    }

    internal static Task<IResult> Trigger(string id, TriggerMessageRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        body.ConnectorId < 0
            ? Task.FromResult(Problems.BadValue("connectorId", body.ConnectorId, "connectorId is 0 or a connector id when given (OCPP 1.6 §6.59)."))
            : CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);
}
