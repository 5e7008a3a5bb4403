using OcppLab.Protocol.Messages;

namespace OcppLab.Csms.OperatorApi;

/// <summary>What a station answered to a typed CALL: its response, or the problem that stands in for one.</summary>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <param name="Response">The station's answer; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why there is no answer (bad request, not connected, CALLERROR, timeout).</param>
public readonly record struct StationAnswer<TResponse>(TResponse? Response, IResult? Problem)
    where TResponse : class, IOcppResponse;
