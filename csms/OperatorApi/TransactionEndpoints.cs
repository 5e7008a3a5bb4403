using OcppLab.Csms.Transactions;

namespace OcppLab.Csms.OperatorApi;

/// <summary><c>/api/transactions</c>: every transaction, running or stopped, with its meter values.</summary>
public static class TransactionEndpoints
{
    /// <summary>Maps the group.</summary>
    public static RouteGroupBuilder MapTransactions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transactions").WithTags("Transactions");
        group.MapGet("/", List).WithSummary("Transactions held in memory, newest first; filter by station and by running.");
        group.MapGet("/summary", (ITransactionStore transactions) => Results.Ok(transactions.Counts()))
            .WithSummary("Counts since the history began: started, stopped, stopped without a known start, repeated starts and stops, foreign stops, let go from memory, running, held, superseded on their connector, running at a reboot, and the anomalies among them.")
            .Produces<TransactionCounts>();
        group.MapGet("/{transactionId:int}", Get).WithSummary("One transaction.");
        group.MapGet("/{transactionId:int}/meter-values", MeterValues).WithSummary("The meter values of one transaction.");
        return group;
    }

    private static IResult List(ITransactionStore transactions, string? chargePointId, bool? active, int? offset, int? limit)
    {
        if (Paging.Check(offset, limit, out var skip, out var take) is { } problem)
        {
            return problem;
        }

        var matching = transactions.All(chargePointId).Where(t => active is null || t.IsActive == active).ToList();
        return Results.Ok(new Page<TransactionView>(matching.Count, skip, take, [.. matching.Skip(skip).Take(take).Select(TransactionView.From)]));
    }

    private static IResult Get(int transactionId, ITransactionStore transactions) =>
        transactions.Find(transactionId) is { } t ? Results.Ok(TransactionView.From(t)) : Problems.NotFound($"No transaction {transactionId}.");

    private static IResult MeterValues(int transactionId, ITransactionStore transactions) =>
        transactions.Find(transactionId) is { } t ? Results.Ok(t.MeterValues) : Problems.NotFound($"No transaction {transactionId}.");
}
