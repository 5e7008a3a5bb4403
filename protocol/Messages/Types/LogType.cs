using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>LogEnumType (Security Whitepaper ed. 3 §6.13): which log a GetLog asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogType>))]
public enum LogType
{
    /// <summary>The diagnostics log.</summary>
    DiagnosticsLog,

    /// <summary>The security log.</summary>
    SecurityLog,
}
