using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Stations;

/// <summary>The last BootNotification a station sent, and how it was answered.</summary>
/// <param name="Request">What the station said about itself.</param>
/// <param name="Status">The registration status answered.</param>
/// <param name="At">When it arrived.</param>
public sealed record BootRecord(BootNotificationRequest Request, RegistrationStatus Status, DateTimeOffset At);
