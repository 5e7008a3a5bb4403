namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// A step's table argument. The first row is the header; <see cref="Rows"/> are the other rows keyed by
/// header, <see cref="Cells"/> are all rows as written (for vertical key/value tables and headerless lists).
/// </summary>
public sealed class DataTable
{
    public DataTable(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        Cells = cells;
        Header = cells.Count > 0 ? cells[0] : [];
        var duplicate = Header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Rows = duplicate is null
            ? [.. cells.Skip(1).Select(ToRow)]
            : throw new ArgumentException($"The table header repeats the column '{duplicate.Key}'.", nameof(cells));
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows under the header, each keyed by header name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Every row including the header, cell by cell.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; }

    public int RowCount => Rows.Count;

    private Dictionary<string, string> ToRow(IReadOnlyList<string> row)
    {
        var values = new Dictionary<string, string>(Header.Count, StringComparer.Ordinal);
        for (var i = 0; i < Header.Count; i++)
        {
            values[Header[i]] = i < row.Count ? row[i] : string.Empty;
        }

        return values;
    }
}
