using OcppLab.Csms.Security;

namespace OcppLab.Csms.Tests.Security;

public sealed class AuthorizationKeyTests
{
    [TestCase("OcppLabSecret0001")]
    [TestCase("4F6370704C6162536563726574303031")]
    [TestCase("0123456789abcdef0123456789abcdef01234567")]
    public void A_key_of_16_to_20_bytes_in_plain_or_hex_form_is_read(string text) =>
        Assert.That(AuthorizationKey.TryParse(text, out _, out _), Is.True);

    [TestCase("")]
    [TestCase("too-short")]
    [TestCase("a password that is much longer than twenty bytes")]
    public void A_key_outside_16_to_20_bytes_is_refused_with_the_reason(string text)
    {
        var ok = AuthorizationKey.TryParse(text, out var key, out var problem);

        Assert.That(ok, Is.False);
        Assert.That(key, Is.Null);
        Assert.That(problem, Is.Not.Empty);
    }

    [Test]
    public void The_hex_form_decodes_to_the_password_it_encodes()
    {
        var key = AuthorizationKey.Parse(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes("OcppLabSecret0002")));

        Assert.That(key.Matches("OcppLabSecret0002"), Is.True);
        Assert.That(key.Matches("OcppLabSecret0001"), Is.False);
    }
}
