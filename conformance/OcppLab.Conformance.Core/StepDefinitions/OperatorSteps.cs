using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;
using OcppLab.Protocol;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>
/// OCTT's manual actions (the tester asks the CSMS to send a command) and the checks on the CALLs the CSMS
/// then sends, with the lab's charge point answering as the scenario scripts it. A "the operator sends X
/// with:" table holds the manual action's parameters (<see cref="ManualActions"/>), not the OCPP payload:
/// the CSMS builds that, and the "the CSMS sends X with:" checks read it off the wire.
/// </summary>
[Binding]
public sealed class OperatorSteps(
    LabChargePoint chargePoint,
    OperatorClient operatorClient,
    ScriptedAnswers answers,
    LabValues values,
    LabCertificates certificates,
    LabSettings settings)
{
    private Call? lastCall;

    [Given("^the charge point will answer (\\w+) with status (\\w+)$")]
    [When("^the charge point will answer (\\w+) with status (\\w+)$")]
    public void AnswerStatus(string action, string status) => answers.Script(action, new JsonObject { ["status"] = status });

    [Given("^the charge point will answer (\\w+) with:$")]
    [When("^the charge point will answer (\\w+) with:$")]
    public void Answer(string action, DataTable answer) => answers.Script(action, values.Payload(answer));

    /// <summary>TC_076: the charge point reports the hash data of the root it holds, computed with the given algorithm.</summary>
    [Given("^the charge point will answer GetInstalledCertificateIds with the installed root's hash data in (SHA256|SHA384|SHA512)$")]
    public void InstalledCertificate(string algorithm)
    {
        var hashData = certificates.HashData(algorithm);
        chargePoint.Remembered["certificateHashData"] = hashData.DeepClone();
        answers.Script("GetInstalledCertificateIds", new JsonObject
        {
            ["status"] = "Accepted",
            ["certificateHashData"] = new JsonArray(hashData),
        });
    }

    [When("^the operator sends (\\w+)$")]
    public Task Send(string action) => SendAsync(action, []);

    [When("^the operator sends (\\w+) with:$")]
    public Task Send(string action, DataTable payload) => SendAsync(action, values.Payload(payload));

    /// <summary>TC_076: DeleteCertificate echoing what GetInstalledCertificateIds reported.</summary>
    [When("^the operator sends DeleteCertificate for the reported certificate$")]
    public Task DeleteReported() => SendAsync("DeleteCertificate", new JsonObject
    {
        ["certificateHashData"] = chargePoint.Remembered["certificateHashData"]!.DeepClone(),
    });

    [Then("^the CSMS sends (\\w+)$")]
    public async Task Sent(string action) => lastCall = await ExpectAsync(action);

    [Then("^the CSMS sends (\\w+) with:$")]
    public async Task Sent(string action, DataTable fields)
    {
        lastCall = await ExpectAsync(action);
        var payload = JsonNode.Parse(lastCall.Payload.GetRawText());
        foreach (var row in fields.Cells)
        {
            Expect.Field($"{action}.req", payload, row[0].Trim(), row[1], values);
        }
    }

    /// <summary>TC_043_4/5: OCTT checks that every entry of the list carries an idTagInfo.</summary>
    [Then("^every entry of the local authorization list has an id tag info$")]
    public void EveryEntryHasIdTagInfo()
    {
        var call = lastCall ?? throw new InvalidOperationException("No SendLocalList was checked yet.");
        var list = JsonNode.Parse(call.Payload.GetRawText())?["localAuthorizationList"] as JsonArray;
        Assert.That(list is { Count: > 0 }, "SendLocalList.req has no localAuthorizationList entries.");
        foreach (var entry in list)
        {
            if (entry?["idTagInfo"] is not JsonObject)
            {
                throw new AssertionException($"SendLocalList.req: the entry for {entry?["idTag"]} has no idTagInfo.");
            }
        }
    }

    /// <summary>TC_076: the hash data must be echoed with the same algorithm and values.</summary>
    [Then("^the CSMS sends DeleteCertificate echoing the reported hash data$")]
    public async Task DeleteEchoes()
    {
        lastCall = await ExpectAsync("DeleteCertificate");
        var sent = JsonNode.Parse(lastCall.Payload.GetRawText())?["certificateHashData"];
        var reported = chargePoint.Remembered["certificateHashData"];
        if (!JsonNode.DeepEquals(sent, reported))
        {
            throw new AssertionException($"DeleteCertificate.req certificateHashData is {sent?.ToJsonString()}; the charge point reported {reported?.ToJsonString()}.");
        }
    }

    /// <summary>
    /// TC_074 (2025-11): the certificate must be PEM, carry the CSR's public key, name the charge point's
    /// serial number as CN, and use a key of at least 2048 bits RSA or 224 bits EC.
    /// </summary>
    [Then("^the CSMS sends CertificateSigned with a certificate for the charge point's key$")]
    public async Task CertificateSigned()
    {
        lastCall = await ExpectAsync("CertificateSigned");
        var chain = lastCall.Payload.GetProperty("certificateChain").GetString() ?? "";
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(chain);
        using var key = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPublicKey(certificate);
        Assert.That(key is not null, "CertificateSigned: the certificate's key is not the EC key of the signing request.");
        Assert.That(key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificates.ChargePointKey.ExportSubjectPublicKeyInfo()), "CertificateSigned: the public key differs from the CSR's.");
        var commonName = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);
        Assert.That(commonName == settings.ChargePointSerialNumber, $"CertificateSigned: the subject CN is {commonName}; expected the serial number {settings.ChargePointSerialNumber}.");
        Assert.That(key.KeySize >= 224, $"CertificateSigned: the EC key has {key.KeySize} bits; at least 224 are required.");

        // From now on the charge point connects with this certificate (TC_074 step 4).
        chargePoint.ClientCertificate?.Dispose();
        chargePoint.ClientCertificate = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.CopyWithPrivateKey(certificate, certificates.ChargePointKey);
    }

    /// <summary>OCTT's expectation for the non-happy answers: the CSMS processes the answer and reports it.</summary>
    [Then("^the CSMS reports the charge point's answer to the operator$")]
    public void Reported()
    {
        var reply = operatorClient.LastReply ?? throw new InvalidOperationException("The operator has sent nothing yet.");
        if (!reply.Succeeded)
        {
            throw new AssertionException($"The CSMS did not process the charge point's answer to {reply.Action}: the operator contract answered HTTP {reply.Status.ToString(CultureInfo.InvariantCulture)} {reply.Text}");
        }

        var expected = answers.AnswerTo(reply.Action);
        if (expected["status"] is { } status && reply.Body?["status"]?.ToJsonString() != status.ToJsonString())
        {
            throw new AssertionException($"The CSMS reported {reply.Body?.ToJsonString()} for {reply.Action}; the charge point answered {expected.ToJsonString()}.");
        }
    }

    [Then("^the CSMS sends no (\\w+)$")]
    public void NotSent(string action) =>
        Assert.That(!chargePoint.ReceivedCalls.Any(c => c.Action == action), $"The CSMS sent {action} although the case expects none.");

    private async Task SendAsync(string action, JsonObject payload)
    {
        var before = chargePoint.ReceivedCalls.Count(c => c.Action == action);
        var reply = await operatorClient.SendAsync(chargePoint.Id, action, payload);
        if (!reply.Succeeded && chargePoint.ReceivedCalls.Count(c => c.Action == action) == before)
        {
            // No CALL reached the charge point: the CSMS refused the operator's request, which is its failure.
            throw new AssertionException($"The CSMS did not send {action}: the operator contract answered HTTP {reply.Status.ToString(CultureInfo.InvariantCulture)} {reply.Text}");
        }
    }

    private async Task<Call> ExpectAsync(string action)
    {
        var call = await chargePoint.ExpectCallAsync(action);
        if (OcppActions.TryGet(action, out var descriptor) && descriptor.RequestSchema.Validate(call.Payload) is { } violation)
        {
            throw new AssertionException($"The CSMS's {action}.req breaks the 1.6 schema ({violation.Code.ToWire()}): {violation}");
        }

        return call;
    }
}
