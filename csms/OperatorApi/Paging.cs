namespace OcppLab.Csms.OperatorApi;

/// <summary>The <c>offset</c> and <c>limit</c> query parameters of a paged list, checked rather than clamped.</summary>
public static class Paging
{
    /// <summary>The page size when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A 400 naming the parameter out of range, or null with the page to read.</summary>
    public static IResult? Check(int? offset, int? limit, out int skip, out int take)
    {
        skip = offset ?? 0;
        take = limit ?? DefaultLimit;
        if (skip < 0)
        {
            return Problems.BadParameter("offset", offset?.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0 or more.");
        }

        return take is < 1 or > MaxLimit
            ? Problems.BadParameter("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be from 1 to {MaxLimit}.")
            : null;
    }
}
