using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class ShardTests
{
    [TestCase(10000, 1)]
    [TestCase(10000, 3)]
    [TestCase(7, 7)]
    [TestCase(20001, 4)]
    public void The_shards_of_a_fleet_are_disjoint_and_cover_every_charge_point(int total, int shards)
    {
        var seen = new List<int>();
        for (var k = 1; k <= shards; k++)
        {
            var (offset, length) = new Shard(k, shards).Slice(total).GetOffsetAndLength(total);
            seen.AddRange(Enumerable.Range(offset, length));
        }

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, total)));
    }

    [Test]
    public void Shards_differ_in_size_by_at_most_one() =>
        Assert.That(Enumerable.Range(1, 3).Select(k => new Shard(k, 3).SizeOf(10)), Is.EqualTo(new[] { 3, 3, 4 }));

    [Test]
    public void Charge_point_ids_and_cards_come_from_the_fleet_index_so_shards_never_share_them()
    {
        var plan = new FleetPlan { CentralSystem = new Uri("ws://x/ocpp"), Chargers = 4, IdPattern = "CP{0:00000}" };

        Assert.That(plan.ChargerId(0), Is.EqualTo("CP00001"));
        Assert.That(new[] { plan.IdTagFor(0, 1), plan.IdTagFor(0, 2), plan.IdTagFor(3, 2) }, Is.EqualTo(new[] { "VALID001", "VALID002", "VALID008" }));
        Assert.That(plan.AllIdTags().Count(), Is.EqualTo(8));
    }
}
