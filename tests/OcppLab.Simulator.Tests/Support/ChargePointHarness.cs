using Microsoft.Extensions.Time.Testing;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Core;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// A virtual charge point connected in memory to a scripted Central System, on virtual time: the
/// FakeTimeProvider (the charge point's timers and timestamps) advances in one-second steps, and every step
/// waits until the charge point is idle (nothing due on its scheduler), so tests are deterministic and never sleep.
/// </summary>
internal sealed class ChargePointHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public ChargePointHarness(ChargePointTemplate? template = null, HttpMessageHandler? http = null, IOcppConnector? connector = null, ScriptedCentralSystem? centralSystem = null)
    {
        Time = new FakeTimeProvider(Start);
        CentralSystem = centralSystem ?? new ScriptedCentralSystem(Time);
        Connector = new InMemoryConnector(CentralSystem.Connect);
        ChargePoint = new VirtualChargePoint("CP001", template ?? new ChargePointTemplate(), connector ?? Connector, Time, httpHandler: http, random: new Random(1))
        {
            Backoff = new ReconnectBackoff { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(8), Jitter = 0 },
        };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedCentralSystem CentralSystem { get; }

    public InMemoryConnector Connector { get; }

    public VirtualChargePoint ChargePoint { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Powers on and runs until the boot is accepted and the first status notifications are out.</summary>
    public async Task BootAsync(params (string Key, string Value)[] configuration)
    {
        foreach (var (key, value) in configuration)
        {
            ChargePoint.Configuration.Set(key, value);
        }

        ChargePoint.PowerOn();
        await AdvanceAsync(TimeSpan.Zero);
    }

    /// <summary>Lets <paramref name="duration"/> of virtual time pass, one second at a time.</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        await SettleAsync();
        var left = duration;
        while (left > TimeSpan.Zero)
        {
            var step = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
            Time.Advance(step);
            left -= step;
            await SettleAsync();
        }
    }

    public Task AdvanceAsync(int seconds) => AdvanceAsync(TimeSpan.FromSeconds(seconds));

    /// <summary>Runs everything that is due now, without advancing time.</summary>
    public async Task SettleAsync()
    {
        await ChargePoint.WhenIdleAsync().WaitAsync(Patience);
    }

    /// <summary>Calls the charge point from the Central System and waits for the consequences.</summary>
    public async Task<TResponse> CallAsync<TResponse>(OcppLab.Protocol.Messages.IOcppRequest<TResponse> request)
        where TResponse : class, OcppLab.Protocol.Messages.IOcppResponse
    {
        var response = await CentralSystem.CallAsync(request).WaitAsync(Patience);
        await SettleAsync();
        return response;
    }

    /// <summary>Plugs in, presents a card and runs until the transaction has started.</summary>
    public async Task<int> StartChargingAsync(int connectorId = 1, string idTag = "TAG1")
    {
        ChargePoint.PlugIn(connectorId);
        await ChargePoint.PresentIdTagAsync(connectorId, idTag).WaitAsync(Patience);
        await SettleAsync();
        return CentralSystem.All<StartTransactionRequest>().Count();
    }

    public async ValueTask DisposeAsync() => await ChargePoint.DisposeAsync();
}
