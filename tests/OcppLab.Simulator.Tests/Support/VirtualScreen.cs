namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// A terminal screen of fixed size that interprets what a program writes as a VT100-style terminal does: printable
/// characters with automatic wrap at the right margin (deferred, as xterm does), <c>\n</c> as carriage return and
/// line feed (the tty's ONLCR), scrolling at the bottom, and the escapes the live view uses: <c>ESC[nF</c> (cursor to
/// the start of the line n up), <c>ESC[nA</c> (cursor up), <c>ESC[J</c> (clear to the end of the screen).
/// </summary>
public sealed class VirtualScreen(int columns, int rows)
{
    private readonly List<char[]> screen = [.. Enumerable.Range(0, rows).Select(_ => Blank(columns))];
    private int row;
    private int column;
    private bool wrapPending;

    /// <summary>The rows, trailing spaces trimmed.</summary>
    public IReadOnlyList<string> Rows => [.. screen.Select(r => new string(r).TrimEnd())];

    /// <summary>Interprets <paramref name="text"/>.</summary>
    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\u001b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                var end = i + 2;
                while (end < text.Length && !char.IsLetter(text[end]))
                {
                    end++;
                }

                var argument = text[(i + 2)..end];
                Escape(text[end], argument.Length == 0 ? 1 : int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture));
                i = end;
                continue;
            }

            switch (ch)
            {
                case '\n':
                    column = 0;
                    LineFeed();
                    break;
                case '\r':
                    column = 0;
                    wrapPending = false;
                    break;
                default:
                    if (wrapPending)
                    {
                        column = 0;
                        LineFeed();
                    }

                    screen[row][column] = ch;
                    if (column == columns - 1)
                    {
                        wrapPending = true;
                    }
                    else
                    {
                        column++;
                    }

                    break;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join('\n', Rows);

    private static char[] Blank(int columns) => new string(' ', columns).ToCharArray();

    private void Escape(char command, int count)
    {
        wrapPending = false;
        switch (command)
        {
            case 'F':
                row = Math.Max(0, row - count);
                column = 0;
                break;
            case 'A':
                row = Math.Max(0, row - count);
                break;
            case 'J':
                Array.Fill(screen[row], ' ', column, columns - column);
                for (var r = row + 1; r < rows; r++)
                {
                    screen[r] = Blank(columns);
                }

                break;
            default:
                throw new NotSupportedException($"ESC[{command} is not interpreted by this screen.");
        }
    }

    private void LineFeed()
    {
        wrapPending = false;
        if (row == rows - 1)
        {
            screen.RemoveAt(0);
            screen.Add(Blank(columns));
        }
        else
        {
            row++;
        }
    }
}
