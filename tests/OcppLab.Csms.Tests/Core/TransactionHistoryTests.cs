using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Core;

/// <summary>The in-memory transaction history is bounded: running transactions stay, the oldest stopped ones go.</summary>
public sealed class TransactionHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Only_the_latest_stopped_transactions_are_kept_and_running_ones_never_go()
    {
        var store = new InMemoryTransactionStore(keepStopped: 2);
        var running = store.Start("CP0", 1, "TAG0", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
        var stopped = new List<int>();
        for (var n = 1; n <= 4; n++)
        {
            var id = store.Start($"CP{n}", 1, $"TAG{n}", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            store.Stop($"CP{n}", id, 10, Now.AddMinutes(n), Reason.Local, null, [], Now.AddMinutes(n));
            stopped.Add(id);
        }

        store.Stop("CP9", 777, 5, Now, Reason.PowerLoss, null, [], Now);
        store.Stop("CP9", 777, 5, Now, Reason.PowerLoss, null, [], Now);

        Assert.Multiple(() =>
        {
            Assert.That(store.All().Select(t => t.TransactionId), Is.EquivalentTo(new[] { running, stopped[3], 777 }));
            Assert.That(store.Find(777)?.DuplicateStops, Is.EqualTo(1), "a repeated stop is not a second entry in the history");
            Assert.That(store.Counts().LetGo, Is.EqualTo(3));
            Assert.That(store.Counts(), Is.EqualTo(new TransactionCounts(
                Started: 5, Stopped: 5, StoppedWithoutStart: 1, RepeatedStarts: 0, RepeatedStops: 1, ForeignStops: 0, LetGo: 3, Running: 1, Held: 3, Superseded: 0, RunningAtReboot: 0)),
                "the counts cover the transactions let go too");
            Assert.That(store.Start("CP5", 1, "TAG5", 0, Now, null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId, Is.EqualTo(6), "ids are never reused");
            store.Stop("CP4", running, 1, Now, Reason.Other, null, [], Now);
            Assert.That(store.Counts().ForeignStops, Is.EqualTo(1));
        });
    }

    [Test]
    public void Without_a_bound_every_transaction_is_kept()
    {
        var store = new InMemoryTransactionStore();
        for (var n = 0; n < 50; n++)
        {
            var id = store.Start("CP1", 1, "TAG1", 0, Now.AddMinutes(n), null, AuthorizationStatus.Accepted, Now).Transaction.TransactionId;
            store.Stop("CP1", id, 10, Now.AddMinutes(n), Reason.Local, null, [], Now);
        }

        Assert.That(store.All(), Has.Count.EqualTo(50));
        Assert.That(store.Counts().LetGo, Is.Zero);
    }
}
