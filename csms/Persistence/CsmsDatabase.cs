using Microsoft.Data.Sqlite;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// The SQLite file under the data directory that keeps the Central System's state across restarts. State
/// lives in memory as always; each change is also written here before the station gets its answer, so a
/// killed process loses nothing it acknowledged. Two tables: documents (one JSON document per record, by
/// kind and key) and appends (JSON rows added to a record, such as a transaction's meter values, so that a
/// long transaction is not rewritten on every MeterValues.req).
/// </summary>
/// <remarks>
/// WAL with synchronous=NORMAL: a commit survives the process being killed (the point of this store); a
/// power cut may lose the last commits. One connection, one writer at a time: writes are short, and the
/// stores keep serving reads from memory meanwhile.
/// </remarks>
public sealed class CsmsDatabase : IDisposable
{
    /// <summary>The database file's name inside the data directory.</summary>
    public const string FileName = "csms.db";

    private const string LockFileName = "csms.lock";

    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private readonly FileStream lockFile;
    private readonly SqliteCommand put;
    private readonly SqliteCommand delete;
    private readonly SqliteCommand append;

    /// <summary>Opens (or creates) the database in <paramref name="directory"/>, which it creates when missing.</summary>
    /// <exception cref="InvalidOperationException">Another Central System holds the directory.</exception>
    public CsmsDatabase(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            // Two processes writing one directory would hand out the same transactionIds: refuse the second.
            // The OS drops the lock when the process dies, so a killed Central System does not block its restart.
            lockFile = new FileStream(Path.Combine(Directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The data directory '{Directory}' is in use by another Central System ({e.Message}).", e);
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS appends (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS appends_by_key ON appends (kind, key);
            """);
        put = Prepare("INSERT INTO documents (kind, key, json) VALUES ($kind, $key, $json) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json", "$kind", "$key", "$json");
        delete = Prepare("DELETE FROM documents WHERE kind = $kind AND key = $key", "$kind", "$key");
        append = Prepare("INSERT INTO appends (kind, key, json) VALUES ($kind, $key, $json)", "$kind", "$key", "$json");
    }

    /// <summary>The data directory (full path).</summary>
    public string Directory { get; }

    /// <summary>Every document of <paramref name="kind"/>, by key.</summary>
    public IReadOnlyList<(string Key, string Json)> Documents(string kind)
    {
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT key, json FROM documents WHERE kind = $kind";
            query.Parameters.AddWithValue("$kind", kind);
            using var reader = query.ExecuteReader();
            var rows = new List<(string, string)>();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            return rows;
        }
    }

    /// <summary>One document, or null.</summary>
    public string? Document(string kind, string key)
    {
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT json FROM documents WHERE kind = $kind AND key = $key";
            query.Parameters.AddWithValue("$kind", kind);
            query.Parameters.AddWithValue("$key", key);
            return query.ExecuteScalar() as string;
        }
    }

    /// <summary>Every appended row of <paramref name="kind"/>, by key, each key's rows in the order they were added.</summary>
    public IReadOnlyDictionary<string, List<string>> Appends(string kind)
    {
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT key, json FROM appends WHERE kind = $kind ORDER BY seq";
            query.Parameters.AddWithValue("$kind", kind);
            using var reader = query.ExecuteReader();
            var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (!rows.TryGetValue(key, out var list))
                {
                    rows[key] = list = [];
                }

                list.Add(reader.GetString(1));
            }

            return rows;
        }
    }

    /// <summary>The appended rows of one record, in the order they were added.</summary>
    public IReadOnlyList<string> Appends(string kind, string key)
    {
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT json FROM appends WHERE kind = $kind AND key = $key ORDER BY seq";
            query.Parameters.AddWithValue("$kind", kind);
            query.Parameters.AddWithValue("$key", key);
            using var reader = query.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    }

    /// <summary>Applies <paramref name="changes"/> as one SQLite transaction: all of them or none.</summary>
    public void Write(Action<Changes> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            put.Transaction = delete.Transaction = append.Transaction = transaction;
            changes(new Changes(this));
            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            put.Dispose();
            delete.Dispose();
            append.Dispose();
            connection.Dispose();
            lockFile.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>The changes of one <see cref="Write"/>.</summary>
    public readonly struct Changes
    {
        private readonly CsmsDatabase database;

        internal Changes(CsmsDatabase database) => this.database = database;

        /// <summary>Adds or replaces a document.</summary>
        public void Put(string kind, string key, string json) => Run(database.put, kind, key, json);

        /// <summary>Removes a document (nothing when there is none).</summary>
        public void Delete(string kind, string key) => Run(database.delete, kind, key);

        /// <summary>Adds a row to the appends of a record.</summary>
        public void Append(string kind, string key, string json) => Run(database.append, kind, key, json);
    }
}
