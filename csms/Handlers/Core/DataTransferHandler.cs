using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// DataTransfer from a station (OCPP 1.6 §4.3). A vendor id not in <see cref="CsmsOptions.DataTransferVendors"/>
/// is answered UnknownVendorId (TC_064). For a known vendor the lab echoes the data back: Accepted,
/// or UnknownMessageId when no messageId was given, since the lab defines no vendor messages of its own.
/// </summary>
public sealed class DataTransferHandler(IOptionsMonitor<CsmsOptions> options) : IOcppHandler<ChargePointSession, DataTransferRequest, DataTransferResponse>
{
    /// <inheritdoc/>
    public ValueTask<DataTransferResponse> HandleAsync(ChargePointSession station, DataTransferRequest request, CancellationToken cancellationToken)
    {
        var known = options.CurrentValue.DataTransferVendors.Contains(request.VendorId, StringComparer.OrdinalIgnoreCase);
        var response = !known
            ? new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId }
            : request.MessageId is null
                ? new DataTransferResponse { Status = DataTransferStatus.UnknownMessageId }
                : new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data };
        return ValueTask.FromResult(response);
    }
}
