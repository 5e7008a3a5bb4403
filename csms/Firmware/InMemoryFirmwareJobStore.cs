using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Firmware;

/// <summary>Firmware and diagnostics jobs held in memory.</summary>
public sealed class InMemoryFirmwareJobStore : IFirmwareJobStore
{
    private readonly Lock gate = new();
    private readonly List<FirmwareJob> firmware = [];
    private readonly List<DiagnosticsJob> diagnostics = [];
    private int lastId;

    /// <inheritdoc/>
    public FirmwareJob AddFirmware(Func<int, FirmwareJob> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (gate)
        {
            var job = create(++lastId);
            firmware.Add(job);
            return job;
        }
    }

    /// <inheritdoc/>
    public DiagnosticsJob AddDiagnostics(Func<int, DiagnosticsJob> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (gate)
        {
            var job = create(++lastId);
            diagnostics.Add(job);
            return job;
        }
    }

    /// <inheritdoc/>
    public bool OnFirmwareStatus(string chargePointId, FirmwareStatus status, DateTimeOffset at)
    {
        lock (gate)
        {
            var index = firmware.FindLastIndex(j => j.ChargePointId == chargePointId && !j.IsFinished);
            if (index < 0)
            {
                return false;
            }

            firmware[index] = firmware[index] with { History = firmware[index].History.Add(new StatusReport<FirmwareStatus>(status, at)) };
            return true;
        }
    }

    /// <inheritdoc/>
    public bool OnDiagnosticsStatus(string chargePointId, DiagnosticsStatus status, DateTimeOffset at)
    {
        lock (gate)
        {
            var index = diagnostics.FindLastIndex(j => j.ChargePointId == chargePointId && !j.IsFinished);
            if (index < 0)
            {
                return false;
            }

            diagnostics[index] = diagnostics[index] with { History = diagnostics[index].History.Add(new StatusReport<DiagnosticsStatus>(status, at)) };
            return true;
        }
    }

    /// <inheritdoc/>
    public void OnDiagnosticsUploaded(string chargePointId, string fileName, long bytes, DateTimeOffset at)
    {
        lock (gate)
        {
            var index = diagnostics.FindLastIndex(j => j.ChargePointId == chargePointId && string.Equals(j.FileName, fileName, StringComparison.Ordinal));
            if (index < 0)
            {
                index = diagnostics.FindLastIndex(j => j.ChargePointId == chargePointId && j.UploadedBytes is null);
            }

            if (index >= 0)
            {
                diagnostics[index] = diagnostics[index] with { UploadedBytes = bytes, UploadedAt = at };
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FirmwareJob> FirmwareJobs(string chargePointId)
    {
        lock (gate)
        {
            return [.. firmware.Where(j => j.ChargePointId == chargePointId).Reverse()];
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<DiagnosticsJob> DiagnosticsJobs(string chargePointId)
    {
        lock (gate)
        {
            return [.. diagnostics.Where(j => j.ChargePointId == chargePointId).Reverse()];
        }
    }
}
