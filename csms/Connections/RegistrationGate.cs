using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Stations;
using OcppLab.Protocol;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Connections;

/// <summary>
/// Lets a station's calls through only once it is registered (OCPP 1.6 §4.2: while Pending or Rejected a
/// charge point sends nothing but BootNotification). A station that never booted on this Central System
/// is let through when unknown stations are Accepted, since a station need not boot again on reconnect.
/// </summary>
public sealed class RegistrationGate(IOptionsMonitor<CsmsOptions> options)
{
    /// <summary>Wraps <paramref name="inner"/> for <paramref name="station"/>.</summary>
    public IOcppCallDispatcher Guard(ChargePointSession station, IOcppCallDispatcher inner) => new Guarded(this, station, inner);

    private bool Allows(ChargePointSession station, string action)
    {
        if (string.Equals(action, BootNotificationRequest.Action, StringComparison.Ordinal))
        {
            return true;
        }

        var status = station.Registration ?? Configured(station.Id);
        return status == RegistrationStatus.Accepted;
    }

    private RegistrationStatus Configured(string id)
    {
        var settings = options.CurrentValue;
        return settings.ChargePoints.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal))?.Registration
            ?? settings.UnknownChargePoints;
    }

    private sealed class Guarded(RegistrationGate gate, ChargePointSession station, IOcppCallDispatcher inner) : IOcppCallDispatcher
    {
        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            if (gate.Allows(station, call.Action))
            {
                return inner.DispatchAsync(call, cancellationToken);
            }

            var description = $"{station.Id} is not accepted by this Central System (registration {station.Registration?.ToString() ?? "unknown"}); only BootNotification is allowed.";
            return ValueTask.FromResult(new InboundCallOutcome(FrameWriter.CallError(call.MessageId, OcppErrorCode.SecurityError, description), OcppErrorCode.SecurityError));
        }

        public void ReportFailure(Call call, Exception exception) => inner.ReportFailure(call, exception);

        // Answers to our own CALLs are not the station's calls: the answer routes run whatever its registration.
        public ValueTask OnAnswerAsync(OcppAnswer answer, CancellationToken cancellationToken) => inner.OnAnswerAsync(answer, cancellationToken);
    }
}
