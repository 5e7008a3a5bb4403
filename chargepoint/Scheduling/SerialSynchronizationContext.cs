namespace OcppLab.ChargePoint.Scheduling;

/// <summary>Sends the continuations of awaits made on a <see cref="SerialScheduler"/> back to it.</summary>
internal sealed class SerialSynchronizationContext(SerialScheduler owner) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => owner.Post(() => d(state));

    public override void Send(SendOrPostCallback d, object? state) => owner.Invoke(() =>
    {
        d(state);
        return true;
    });

    public override SynchronizationContext CreateCopy() => this;
}
