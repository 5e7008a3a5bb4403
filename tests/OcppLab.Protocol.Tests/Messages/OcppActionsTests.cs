using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;

namespace OcppLab.Protocol.Tests.Messages;

[TestFixture]
public sealed class OcppActionsTests
{
    private const MessageDirection Cp = MessageDirection.ChargePointToCentralSystem;
    private const MessageDirection Cs = MessageDirection.CentralSystemToChargePoint;

    // OCPP 1.6 §3 and §4/§5 for the profiles and initiators; Security Whitepaper ed. 3 §5 for the rest.
    private static readonly (string Action, FeatureProfile Profile, MessageDirection Direction)[] Expected =
    [
        ("Authorize", FeatureProfile.Core, Cp),
        ("BootNotification", FeatureProfile.Core, Cp),
        ("ChangeAvailability", FeatureProfile.Core, Cs),
        ("ChangeConfiguration", FeatureProfile.Core, Cs),
        ("ClearCache", FeatureProfile.Core, Cs),
        ("DataTransfer", FeatureProfile.Core, Cp),
        ("GetConfiguration", FeatureProfile.Core, Cs),
        ("Heartbeat", FeatureProfile.Core, Cp),
        ("MeterValues", FeatureProfile.Core, Cp),
        ("RemoteStartTransaction", FeatureProfile.Core, Cs),
        ("RemoteStopTransaction", FeatureProfile.Core, Cs),
        ("Reset", FeatureProfile.Core, Cs),
        ("StartTransaction", FeatureProfile.Core, Cp),
        ("StatusNotification", FeatureProfile.Core, Cp),
        ("StopTransaction", FeatureProfile.Core, Cp),
        ("UnlockConnector", FeatureProfile.Core, Cs),
        ("GetDiagnostics", FeatureProfile.FirmwareManagement, Cs),
        ("DiagnosticsStatusNotification", FeatureProfile.FirmwareManagement, Cp),
        ("FirmwareStatusNotification", FeatureProfile.FirmwareManagement, Cp),
        ("UpdateFirmware", FeatureProfile.FirmwareManagement, Cs),
        ("GetLocalListVersion", FeatureProfile.LocalAuthListManagement, Cs),
        ("SendLocalList", FeatureProfile.LocalAuthListManagement, Cs),
        ("ReserveNow", FeatureProfile.Reservation, Cs),
        ("CancelReservation", FeatureProfile.Reservation, Cs),
        ("SetChargingProfile", FeatureProfile.SmartCharging, Cs),
        ("ClearChargingProfile", FeatureProfile.SmartCharging, Cs),
        ("GetCompositeSchedule", FeatureProfile.SmartCharging, Cs),
        ("TriggerMessage", FeatureProfile.RemoteTrigger, Cs),
        ("CertificateSigned", FeatureProfile.Security, Cs),
        ("DeleteCertificate", FeatureProfile.Security, Cs),
        ("ExtendedTriggerMessage", FeatureProfile.Security, Cs),
        ("GetInstalledCertificateIds", FeatureProfile.Security, Cs),
        ("GetLog", FeatureProfile.Security, Cs),
        ("InstallCertificate", FeatureProfile.Security, Cs),
        ("LogStatusNotification", FeatureProfile.Security, Cp),
        ("SecurityEventNotification", FeatureProfile.Security, Cp),
        ("SignCertificate", FeatureProfile.Security, Cp),
        ("SignedFirmwareStatusNotification", FeatureProfile.Security, Cp),
        ("SignedUpdateFirmware", FeatureProfile.Security, Cs),
    ];

    [Test]
    public void The_catalogue_holds_exactly_the_28_actions_of_1_6_and_the_11_of_the_security_whitepaper()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Expected, Has.Length.EqualTo(28 + 11));
            Assert.That(OcppActions.All.Select(d => d.Action), Is.EquivalentTo(Expected.Select(e => e.Action)));
            Assert.That(OcppActions.All.Select(d => d.Action), Is.Unique);
        });
    }

    [TestCaseSource(nameof(Expected))]
    public void Each_action_has_its_feature_profile_and_the_side_that_sends_the_call(
        (string Action, FeatureProfile Profile, MessageDirection Direction) expected)
    {
        Assert.That(OcppActions.TryGet(expected.Action, out var descriptor), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(descriptor!.Profile, Is.EqualTo(expected.Profile));
            Assert.That(descriptor.Direction, Is.EqualTo(expected.Direction));
        });
    }

    [Test]
    public void Every_descriptor_is_found_by_its_request_type_and_its_schemas_describe_its_types()
    {
        Assert.Multiple(() =>
        {
            foreach (var descriptor in OcppActions.All)
            {
                Assert.That(OcppActions.TryGet(descriptor.RequestType, out var byType), Is.True, descriptor.Action);
                Assert.That(byType, Is.SameAs(descriptor), descriptor.Action);
                Assert.That(descriptor.RequestSchema.Type, Is.EqualTo(descriptor.RequestType), descriptor.Action);
                Assert.That(descriptor.ResponseSchema.Type, Is.EqualTo(descriptor.ResponseType), descriptor.Action);
            }
        });
    }

    [Test]
    public void A_typed_lookup_finds_the_same_descriptor_as_the_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OcppActions.Of<DataTransferRequest, DataTransferResponse>().Action, Is.EqualTo("DataTransfer"));
            Assert.That(OcppActions.Of<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>().Profile, Is.EqualTo(FeatureProfile.Security));
        });
    }

    [Test]
    public void Action_names_are_case_sensitive_as_OCPP_J_requires()
    {
        Assert.That(OcppActions.TryGet("heartbeat", out _), Is.False);
    }
}
