using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class LatencyHistogramTests
{
    [Test]
    public void Percentiles_of_a_uniform_range_are_within_the_bucket_precision()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.RecordMicroseconds(ms * 1000L);
        }

        Assert.That(histogram.Count, Is.EqualTo(1000));
        Assert.That(histogram.PercentileMicroseconds(50), Is.EqualTo(500_000).Within(3).Percent);
        Assert.That(histogram.PercentileMicroseconds(99), Is.EqualTo(990_000).Within(3).Percent);
        Assert.That(histogram.MaxMicroseconds, Is.EqualTo(1_000_000));
        Assert.That(histogram.PercentileMicroseconds(100), Is.LessThanOrEqualTo(1_000_000));
        Assert.That(histogram.MeanMicroseconds, Is.EqualTo(500_500).Within(0.01).Percent);
    }

    [Test]
    public void Small_values_are_exact_and_an_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        Assert.That(histogram.PercentileMicroseconds(99), Is.Zero);

        histogram.RecordMicroseconds(7);
        histogram.RecordMicroseconds(9);
        Assert.That(histogram.PercentileMicroseconds(50), Is.EqualTo(7));
        Assert.That(histogram.PercentileMicroseconds(100), Is.EqualTo(9));
    }

    [Test]
    public void Every_value_falls_in_the_bucket_whose_bounds_hold_it()
    {
        foreach (var v in new long[] { 0, 63, 64, 65, 127, 128, 1000, 123_456, 10_000_000, 1L << 40 })
        {
            var i = LatencyHistogram.IndexOf(v);
            Assert.That(LatencyHistogram.LowerBound(i), Is.LessThanOrEqualTo(v), $"value {v}");
            if (i + 1 < LatencyHistogram.BucketCount)
            {
                Assert.That(LatencyHistogram.LowerBound(i + 1), Is.GreaterThan(v), $"value {v}");
            }
        }
    }

    [Test]
    public async Task Recording_from_many_threads_loses_nothing()
    {
        var histogram = new LatencyHistogram();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.RecordMicroseconds(100 + t);
            }
        })));

        Assert.That(histogram.Count, Is.EqualTo(80_000));
        Assert.That(histogram.Snapshot().Sum(), Is.EqualTo(80_000));
        Assert.That(histogram.MaxMicroseconds, Is.EqualTo(107));
    }
}
