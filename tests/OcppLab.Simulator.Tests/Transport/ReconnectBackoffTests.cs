using OcppLab.ChargePoint.Transport;

namespace OcppLab.Simulator.Tests.Transport;

public sealed class ReconnectBackoffTests
{
    private static readonly ReconnectBackoff Backoff = new()
    {
        Initial = TimeSpan.FromSeconds(1),
        Maximum = TimeSpan.FromSeconds(30),
        Multiplier = 2,
        Jitter = 0.5,
    };

    [Test]
    public void Delays_double_with_each_attempt_without_jitter()
    {
        var delays = Enumerable.Range(1, 4).Select(a => Backoff.Delay(a, 0)).ToList();

        Assert.That(delays, Is.EqualTo(new[] { 1, 2, 4, 8 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public void Delays_stop_growing_at_the_maximum()
    {
        Assert.That(Backoff.Delay(20, 0), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Jitter_adds_up_to_its_fraction_of_the_delay()
    {
        Assert.That(Backoff.Delay(2, 0.999), Is.GreaterThan(TimeSpan.FromSeconds(2.99)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void The_endpoint_url_ends_with_the_charge_point_id()
    {
        var settings = new ConnectionSettings { CentralSystemUrl = new Uri("ws://localhost:9000/ocpp") };

        Assert.That(settings.EndpointFor("CP 1").AbsoluteUri, Is.EqualTo("ws://localhost:9000/ocpp/CP%201"));
    }

    [Test]
    public void Basic_authorization_uses_the_charge_point_id_as_user()
    {
        Assert.That(WebSocketFactory.BasicAuthorization("CP001", "secret"), Is.EqualTo("Basic Q1AwMDE6c2VjcmV0"));
    }
}
