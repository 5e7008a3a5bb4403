using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Firmware;

/// <summary>Firmware and diagnostics jobs of every station.</summary>
public interface IFirmwareJobStore
{
    /// <summary>Records a firmware update the station acknowledged, with a new job id.</summary>
    FirmwareJob AddFirmware(Func<int, FirmwareJob> create);

    /// <summary>Records a diagnostics request the station answered, with a new job id.</summary>
    DiagnosticsJob AddDiagnostics(Func<int, DiagnosticsJob> create);

    /// <summary>Applies a FirmwareStatusNotification to the station's latest unfinished job; false when there is none.</summary>
    bool OnFirmwareStatus(string chargePointId, FirmwareStatus status, DateTimeOffset at);

    /// <summary>Applies a DiagnosticsStatusNotification to the station's latest unfinished job; false when there is none.</summary>
    bool OnDiagnosticsStatus(string chargePointId, DiagnosticsStatus status, DateTimeOffset at);

    /// <summary>Notes a diagnostics file received over HTTP against the station's job that announced it (or its latest job without an upload).</summary>
    void OnDiagnosticsUploaded(string chargePointId, string fileName, long bytes, DateTimeOffset at);

    /// <summary>The station's firmware jobs, newest first.</summary>
    IReadOnlyList<FirmwareJob> FirmwareJobs(string chargePointId);

    /// <summary>The station's diagnostics jobs, newest first.</summary>
    IReadOnlyList<DiagnosticsJob> DiagnosticsJobs(string chargePointId);
}
