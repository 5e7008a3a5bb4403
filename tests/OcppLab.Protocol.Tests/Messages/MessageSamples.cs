using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Tests.Messages;

/// <summary>A request and its response for one action.</summary>
public sealed record MessageSample(IOcppRequest Request, IOcppResponse Response);

/// <summary>
/// One fully populated request and response per action: every optional member is set, so a round trip
/// exercises every member's wire name, type and constraint.
/// </summary>
public static class MessageSamples
{
    // Local time in Central European winter time; the wire shows it as 11:00:00.000Z.
    private static readonly DateTimeOffset Noon = new(2026, 1, 31, 12, 0, 0, TimeSpan.FromHours(1));

    private const string CertificatePem =
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2hhcmdlUG9pbnQwMDAxMAoGCCqGSM49BAMCMCIxIDAe\n-----END CERTIFICATE-----\n";

    private const string CsrPem =
        "-----BEGIN CERTIFICATE REQUEST-----\nMIHhMIGIAgEAMCYxJDAiBgNVBAMMG0NQMDAxLmNoYXJnZXBvaW50LmV4YW1wbGUwWTAT\n-----END CERTIFICATE REQUEST-----\n";

    public static IdTagInfo IdTagInfo { get; } = new()
    {
        ExpiryDate = Noon.AddDays(30),
        ParentIdTag = "FLEET-0042",
        Status = AuthorizationStatus.Accepted,
    };

    public static MeterValue MeterValue { get; } = new()
    {
        Timestamp = Noon.AddMinutes(15),
        SampledValue =
        [
            new SampledValue
            {
                Value = "12345.6",
                Context = ReadingContext.SamplePeriodic,
                Format = ValueFormat.Raw,
                Measurand = Measurand.EnergyActiveImportRegister,
                Phase = Phase.L1N,
                Location = Location.Outlet,
                Unit = UnitOfMeasure.KWh,
            },
            new SampledValue
            {
                Value = "16.2",
                Context = ReadingContext.SampleClock,
                Format = ValueFormat.Raw,
                Measurand = Measurand.CurrentImport,
                Phase = Phase.L2,
                Location = Location.Cable,
                Unit = UnitOfMeasure.A,
            },
        ],
    };

    public static ChargingSchedule ChargingSchedule { get; } = new()
    {
        Duration = 86400,
        StartSchedule = Noon,
        ChargingRateUnit = ChargingRateUnitType.A,
        ChargingSchedulePeriod =
        [
            new ChargingSchedulePeriod { StartPeriod = 0, Limit = 16.0m, NumberPhases = 3 },
            new ChargingSchedulePeriod { StartPeriod = 3600, Limit = 8.5m, NumberPhases = 1 },
        ],
        MinChargingRate = 6.1m,
    };

    public static ChargingProfile ChargingProfile { get; } = new()
    {
        ChargingProfileId = 7,
        TransactionId = 1042,
        StackLevel = 2,
        ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile,
        ChargingProfileKind = ChargingProfileKindType.Recurring,
        RecurrencyKind = RecurrencyKindType.Daily,
        ValidFrom = Noon,
        ValidTo = Noon.AddDays(7),
        ChargingSchedule = ChargingSchedule,
    };

    public static CertificateHashData CertificateHashData { get; } = new()
    {
        HashAlgorithm = HashAlgorithm.SHA256,
        IssuerNameHash = "7b2d3a1c4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4",
        IssuerKeyHash = "0f1e2d3c4b5a69788796a5b4c3d2e1f07b2d3a1c4f5e6d7c8b9a0f1e2d3c4b5a",
        SerialNumber = "3A4F9C0012",
    };

    // Declared after the shared parts above: static initializers run in textual order.
    public static IReadOnlyDictionary<string, MessageSample> ByAction { get; } = Build();

    private static Dictionary<string, MessageSample> Build() => new(StringComparer.Ordinal)
    {
        // Core
        ["Authorize"] = new(
            new AuthorizeRequest { IdTag = "04A2B3C4D5E680" },
            new AuthorizeResponse { IdTagInfo = IdTagInfo }),
        ["BootNotification"] = new(
            new BootNotificationRequest
            {
                ChargeBoxSerialNumber = "CB-2026-000117",
                ChargePointModel = "LabWallbox 22",
                ChargePointSerialNumber = "LWB22-000117",
                ChargePointVendor = "OcppLab",
                FirmwareVersion = "1.8.3+build.204",
                Iccid = "8931440400012345678",
                Imsi = "204080123456789",
                MeterSerialNumber = "MTR-44-000117",
                MeterType = "Eastron SDM630",
            },
            new BootNotificationResponse { CurrentTime = Noon, Interval = 300, Status = RegistrationStatus.Accepted }),
        ["ChangeAvailability"] = new(
            new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative },
            new ChangeAvailabilityResponse { Status = AvailabilityStatus.Scheduled }),
        ["ChangeConfiguration"] = new(
            new ChangeConfigurationRequest { Key = "MeterValueSampleInterval", Value = "60" },
            new ChangeConfigurationResponse { Status = ConfigurationStatus.RebootRequired }),
        ["ClearCache"] = new(
            new ClearCacheRequest(),
            new ClearCacheResponse { Status = ClearCacheStatus.Accepted }),
        ["DataTransfer"] = new(
            new DataTransferRequest { VendorId = "com.ocpplab", MessageId = "TariffInfo", Data = "{\"pricePerKWh\":0.39}" },
            new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = "{\"ack\":true}" }),
        ["GetConfiguration"] = new(
            new GetConfigurationRequest { Key = ["HeartbeatInterval", "VendorSpecificKey"] },
            new GetConfigurationResponse
            {
                ConfigurationKey =
                [
                    new KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" },
                    new KeyValue { Key = "NumberOfConnectors", Readonly = true, Value = "2" },
                ],
                UnknownKey = ["VendorSpecificKey"],
            }),
        ["Heartbeat"] = new(
            new HeartbeatRequest(),
            new HeartbeatResponse { CurrentTime = Noon }),
        ["MeterValues"] = new(
            new MeterValuesRequest { ConnectorId = 1, TransactionId = 1042, MeterValue = [MeterValue] },
            new MeterValuesResponse()),
        ["RemoteStartTransaction"] = new(
            new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E680", ChargingProfile = ChargingProfile },
            new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted }),
        ["RemoteStopTransaction"] = new(
            new RemoteStopTransactionRequest { TransactionId = 1042 },
            new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected }),
        ["Reset"] = new(
            new ResetRequest { Type = ResetType.Soft },
            new ResetResponse { Status = ResetStatus.Accepted }),
        ["StartTransaction"] = new(
            new StartTransactionRequest
            {
                ConnectorId = 1,
                IdTag = "04A2B3C4D5E680",
                MeterStart = 1234500,
                ReservationId = 88,
                Timestamp = Noon,
            },
            new StartTransactionResponse { IdTagInfo = IdTagInfo, TransactionId = 1042 }),
        ["StatusNotification"] = new(
            new StatusNotificationRequest
            {
                ConnectorId = 2,
                ErrorCode = ChargePointErrorCode.OtherError,
                Info = "Residual current detected",
                Status = ChargePointStatus.SuspendedEVSE,
                Timestamp = Noon,
                VendorId = "com.ocpplab",
                VendorErrorCode = "RCD-6mA",
            },
            new StatusNotificationResponse()),
        ["StopTransaction"] = new(
            new StopTransactionRequest
            {
                IdTag = "04A2B3C4D5E680",
                MeterStop = 1246845,
                Timestamp = Noon.AddHours(2),
                TransactionId = 1042,
                Reason = Reason.EVDisconnected,
                TransactionData = [MeterValue],
            },
            new StopTransactionResponse { IdTagInfo = IdTagInfo }),
        ["UnlockConnector"] = new(
            new UnlockConnectorRequest { ConnectorId = 1 },
            new UnlockConnectorResponse { Status = UnlockStatus.Unlocked }),

        // Firmware Management
        ["GetDiagnostics"] = new(
            new GetDiagnosticsRequest
            {
                Location = "ftp://diagnostics.ocpplab.example/uploads/",
                Retries = 3,
                RetryInterval = 120,
                StartTime = Noon.AddDays(-1),
                StopTime = Noon,
            },
            new GetDiagnosticsResponse { FileName = "LWB22-000117-20260131.tar.gz" }),
        ["DiagnosticsStatusNotification"] = new(
            new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Uploaded },
            new DiagnosticsStatusNotificationResponse()),
        ["FirmwareStatusNotification"] = new(
            new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installed },
            new FirmwareStatusNotificationResponse()),
        ["UpdateFirmware"] = new(
            new UpdateFirmwareRequest
            {
                Location = "https://firmware.ocpplab.example/lwb22/1.9.0.bin",
                Retries = 5,
                RetrieveDate = Noon.AddHours(1),
                RetryInterval = 300,
            },
            new UpdateFirmwareResponse()),

        // Local Auth List Management
        ["GetLocalListVersion"] = new(
            new GetLocalListVersionRequest(),
            new GetLocalListVersionResponse { ListVersion = 12 }),
        ["SendLocalList"] = new(
            new SendLocalListRequest
            {
                ListVersion = 13,
                LocalAuthorizationList =
                [
                    new AuthorizationData { IdTag = "04A2B3C4D5E680", IdTagInfo = IdTagInfo },
                    new AuthorizationData
                    {
                        IdTag = "04FFEEDDCCBB01",
                        IdTagInfo = new IdTagInfo { ExpiryDate = Noon, ParentIdTag = "FLEET-0042", Status = AuthorizationStatus.Blocked },
                    },
                ],
                UpdateType = UpdateType.Differential,
            },
            new SendLocalListResponse { Status = UpdateStatus.VersionMismatch }),

        // Reservation
        ["ReserveNow"] = new(
            new ReserveNowRequest
            {
                ConnectorId = 0,
                ExpiryDate = Noon.AddMinutes(30),
                IdTag = "04A2B3C4D5E680",
                ParentIdTag = "FLEET-0042",
                ReservationId = 88,
            },
            new ReserveNowResponse { Status = ReservationStatus.Occupied }),
        ["CancelReservation"] = new(
            new CancelReservationRequest { ReservationId = 88 },
            new CancelReservationResponse { Status = CancelReservationStatus.Accepted }),

        // Smart Charging
        ["SetChargingProfile"] = new(
            new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = ChargingProfile },
            new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted }),
        ["ClearChargingProfile"] = new(
            new ClearChargingProfileRequest
            {
                Id = 7,
                ConnectorId = 1,
                ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile,
                StackLevel = 2,
            },
            new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Unknown }),
        ["GetCompositeSchedule"] = new(
            new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 3600, ChargingRateUnit = ChargingRateUnitType.W },
            new GetCompositeScheduleResponse
            {
                Status = GetCompositeScheduleStatus.Accepted,
                ConnectorId = 1,
                ScheduleStart = Noon,
                ChargingSchedule = ChargingSchedule,
            }),

        // Remote Trigger
        ["TriggerMessage"] = new(
            new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 2 },
            new TriggerMessageResponse { Status = TriggerMessageStatus.NotImplemented }),

        // Security
        ["CertificateSigned"] = new(
            new CertificateSignedRequest { CertificateChain = CertificatePem + CertificatePem },
            new CertificateSignedResponse { Status = CertificateSignedStatus.Accepted }),
        ["DeleteCertificate"] = new(
            new DeleteCertificateRequest { CertificateHashData = CertificateHashData },
            new DeleteCertificateResponse { Status = DeleteCertificateStatus.NotFound }),
        ["ExtendedTriggerMessage"] = new(
            new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate, ConnectorId = 1 },
            new ExtendedTriggerMessageResponse { Status = ExtendedTriggerMessageStatus.Accepted }),
        ["GetInstalledCertificateIds"] = new(
            new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.CentralSystemRootCertificate },
            new GetInstalledCertificateIdsResponse
            {
                CertificateHashData = [CertificateHashData],
                Status = GetInstalledCertificateStatus.Accepted,
            }),
        ["GetLog"] = new(
            new GetLogRequest
            {
                Log = new LogParameters
                {
                    RemoteLocation = "https://logs.ocpplab.example/upload",
                    OldestTimestamp = Noon.AddDays(-7),
                    LatestTimestamp = Noon,
                },
                LogType = LogType.SecurityLog,
                RequestId = 501,
                Retries = 2,
                RetryInterval = 60,
            },
            new GetLogResponse { Status = LogStatus.AcceptedCanceled, Filename = "security-20260131.log" }),
        ["InstallCertificate"] = new(
            new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = CertificatePem },
            new InstallCertificateResponse { Status = CertificateStatus.Rejected }),
        ["LogStatusNotification"] = new(
            new LogStatusNotificationRequest { Status = UploadLogStatus.Uploading, RequestId = 501 },
            new LogStatusNotificationResponse()),
        ["SecurityEventNotification"] = new(
            new SecurityEventNotificationRequest
            {
                Type = "InvalidCentralSystemCertificate",
                Timestamp = Noon,
                TechInfo = "TLS handshake: certificate chain did not end in an installed root",
            },
            new SecurityEventNotificationResponse()),
        ["SignCertificate"] = new(
            new SignCertificateRequest { Csr = CsrPem },
            new SignCertificateResponse { Status = GenericStatus.Accepted }),
        ["SignedFirmwareStatusNotification"] = new(
            new SignedFirmwareStatusNotificationRequest { Status = SignedFirmwareStatus.SignatureVerified, RequestId = 502 },
            new SignedFirmwareStatusNotificationResponse()),
        ["SignedUpdateFirmware"] = new(
            new SignedUpdateFirmwareRequest
            {
                Retries = 3,
                RetryInterval = 600,
                RequestId = 502,
                Firmware = new Firmware
                {
                    Location = "https://firmware.ocpplab.example/lwb22/1.9.0.signed.bin",
                    RetrieveDateTime = Noon.AddHours(1),
                    InstallDateTime = Noon.AddHours(3),
                    SigningCertificate = CertificatePem,
                    Signature = "MEUCIQDx2wq6m8Yk1b0mJ3zV9c3o6rJ8k1fNn2XbqYxH0a5tVwIgU7d4sKQ9v0mP2e1c8L3r5yT6wZ9aB4nC7xD1fE2gH3I=",
                },
            },
            new SignedUpdateFirmwareResponse { Status = UpdateFirmwareStatus.AcceptedCanceled }),
    };
}
