using static OcppLab.ChargePoint.Configuration.ConfigurationValues;

namespace OcppLab.ChargePoint.Configuration;

/// <summary>The names of the OCPP 1.6 §9 standard configuration keys this charge point implements.</summary>
public static class StandardConfigurationKeys
{
    public const string AllowOfflineTxForUnknownId = nameof(AllowOfflineTxForUnknownId);
    public const string AuthorizationCacheEnabled = nameof(AuthorizationCacheEnabled);
    public const string AuthorizeRemoteTxRequests = nameof(AuthorizeRemoteTxRequests);
    public const string ClockAlignedDataInterval = nameof(ClockAlignedDataInterval);
    public const string ConnectionTimeOut = nameof(ConnectionTimeOut);
    public const string ConnectorPhaseRotation = nameof(ConnectorPhaseRotation);
    public const string GetConfigurationMaxKeys = nameof(GetConfigurationMaxKeys);
    public const string HeartbeatInterval = nameof(HeartbeatInterval);
    public const string LocalAuthorizeOffline = nameof(LocalAuthorizeOffline);
    public const string LocalPreAuthorize = nameof(LocalPreAuthorize);
    public const string MeterValuesAlignedData = nameof(MeterValuesAlignedData);
    public const string MeterValuesSampledData = nameof(MeterValuesSampledData);
    public const string MeterValueSampleInterval = nameof(MeterValueSampleInterval);
    public const string MinimumStatusDuration = nameof(MinimumStatusDuration);
    public const string NumberOfConnectors = nameof(NumberOfConnectors);
    public const string ResetRetries = nameof(ResetRetries);
    public const string MaxEnergyOnInvalidId = nameof(MaxEnergyOnInvalidId);
    public const string StopTransactionOnEVSideDisconnect = nameof(StopTransactionOnEVSideDisconnect);
    public const string StopTransactionOnInvalidId = nameof(StopTransactionOnInvalidId);
    public const string StopTxnAlignedData = nameof(StopTxnAlignedData);
    public const string StopTxnSampledData = nameof(StopTxnSampledData);
    public const string SupportedFeatureProfiles = nameof(SupportedFeatureProfiles);
    public const string TransactionMessageAttempts = nameof(TransactionMessageAttempts);
    public const string TransactionMessageRetryInterval = nameof(TransactionMessageRetryInterval);
    public const string UnlockConnectorOnEVSideDisconnect = nameof(UnlockConnectorOnEVSideDisconnect);
    public const string WebSocketPingInterval = nameof(WebSocketPingInterval);
    public const string LocalAuthListEnabled = nameof(LocalAuthListEnabled);
    public const string LocalAuthListMaxLength = nameof(LocalAuthListMaxLength);
    public const string SendLocalListMaxLength = nameof(SendLocalListMaxLength);
    public const string ReserveConnectorZeroSupported = nameof(ReserveConnectorZeroSupported);
    public const string ChargeProfileMaxStackLevel = nameof(ChargeProfileMaxStackLevel);
    public const string ChargingScheduleAllowedChargingRateUnit = nameof(ChargingScheduleAllowedChargingRateUnit);
    public const string ChargingScheduleMaxPeriods = nameof(ChargingScheduleMaxPeriods);
    public const string MaxChargingProfilesInstalled = nameof(MaxChargingProfilesInstalled);
    public const string SupportedFileTransferProtocols = nameof(SupportedFileTransferProtocols);
    public const string AuthorizationKey = nameof(AuthorizationKey);
    public const string SecurityProfile = nameof(SecurityProfile);
    public const string CpoName = nameof(CpoName);
    public const string CertificateSignedMaxChainSize = nameof(CertificateSignedMaxChainSize);
    public const string CertificateStoreMaxLength = nameof(CertificateStoreMaxLength);
    public const string AdditionalRootCertificateCheck = nameof(AdditionalRootCertificateCheck);

    /// <summary>Every key with its access and validation; defaults fit a two-connector 22 kW socket charger.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions(int numberOfConnectors) =>
    [
        // Core profile (OCPP 1.6 §9.1)
        new(AllowOfflineTxForUnknownId, false, "false", IsBoolean),
        new(AuthorizationCacheEnabled, false, "true", IsBoolean),
        new(AuthorizeRemoteTxRequests, false, "true", IsBoolean),
        new(ClockAlignedDataInterval, false, "0", IsNonNegativeInteger),
        new(ConnectionTimeOut, false, "60", IsNonNegativeInteger),
        new(ConnectorPhaseRotation, false, "0.RST", IsAny),
        new(GetConfigurationMaxKeys, true, "50", IsPositiveInteger),
        new(HeartbeatInterval, false, "300", IsNonNegativeInteger),
        new(LocalAuthorizeOffline, false, "true", IsBoolean),
        new(LocalPreAuthorize, false, "false", IsBoolean),
        // Optional (§9.1.16): Wh still delivered after the IdTag of a running transaction is found invalid,
        // when StopTransactionOnInvalidId is false; 0 suspends delivery at once.
        new(MaxEnergyOnInvalidId, false, "0", IsNonNegativeInteger),
        new(MeterValuesAlignedData, false, "Energy.Active.Import.Register", IsMeasurandList),
        new(MeterValuesSampledData, false, "Energy.Active.Import.Register", IsMeasurandList),
        new(MeterValueSampleInterval, false, "60", IsNonNegativeInteger),
        new(MinimumStatusDuration, false, "0", IsNonNegativeInteger),
        new(NumberOfConnectors, true, numberOfConnectors.ToString(System.Globalization.CultureInfo.InvariantCulture), IsPositiveInteger),
        new(ResetRetries, false, "1", IsNonNegativeInteger),
        new(StopTransactionOnEVSideDisconnect, false, "true", IsBoolean),
        new(StopTransactionOnInvalidId, false, "true", IsBoolean),
        new(StopTxnAlignedData, false, string.Empty, IsMeasurandList),
        new(StopTxnSampledData, false, string.Empty, IsMeasurandList),
        new(SupportedFeatureProfiles, true, "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", IsAny),
        new(TransactionMessageAttempts, false, "3", IsPositiveInteger),
        new(TransactionMessageRetryInterval, false, "60", IsNonNegativeInteger),
        new(UnlockConnectorOnEVSideDisconnect, false, "true", IsBoolean),
        new(WebSocketPingInterval, false, "0", IsNonNegativeInteger, RebootRequired: true),

        // Local Auth List Management profile (OCPP 1.6 §9.2)
        new(LocalAuthListEnabled, false, "true", IsBoolean),
        new(LocalAuthListMaxLength, true, "1000", IsPositiveInteger),
        new(SendLocalListMaxLength, true, "100", IsPositiveInteger),

        // Reservation profile (OCPP 1.6 §9.3)
        new(ReserveConnectorZeroSupported, true, "true", IsBoolean),

        // Smart Charging profile (OCPP 1.6 §9.4)
        new(ChargeProfileMaxStackLevel, true, "10", IsPositiveInteger),
        new(ChargingScheduleAllowedChargingRateUnit, true, "Current,Power", IsListOf("Current", "Power")),
        new(ChargingScheduleMaxPeriods, true, "24", IsPositiveInteger),
        new(MaxChargingProfilesInstalled, true, "20", IsPositiveInteger),

        // Firmware Management (OCPP 1.6 §9.1 SupportedFileTransferProtocols)
        new(SupportedFileTransferProtocols, true, "HTTP,HTTPS", IsAny),

        // Security Whitepaper §2.4: the Basic authentication password, write-only, 16 to 40 characters.
        new(AuthorizationKey, false, string.Empty, v => v.Length is >= 16 and <= 40, WriteOnly: true),

        // Security Whitepaper §4 (configuration keys): the profile only goes up, which the charge point checks
        // against its current value (§2.4); the CA's organisation for the CSR; store and chain limits.
        new(SecurityProfile, false, "0", v => v is "0" or "1" or "2" or "3"),
        new(CpoName, false, string.Empty, v => v.Length <= 50),
        new(CertificateSignedMaxChainSize, true, "10000", IsPositiveInteger),
        new(CertificateStoreMaxLength, true, "10", IsPositiveInteger),
        new(AdditionalRootCertificateCheck, true, "false", IsBoolean),
    ];
}
