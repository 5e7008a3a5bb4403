using OcppLab.Csms.IdTags;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>Authorize (OCPP 1.6 §4.1): the id tag's status, expiry and group from the id tag store.</summary>
public sealed class AuthorizeHandler(IdTagAuthorizer authorizer) : IOcppHandler<ChargePointSession, AuthorizeRequest, AuthorizeResponse>
{
    /// <inheritdoc/>
    public ValueTask<AuthorizeResponse> HandleAsync(ChargePointSession station, AuthorizeRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AuthorizeResponse { IdTagInfo = authorizer.Authorize(request.IdTag) });
}
