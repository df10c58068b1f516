using nietras.SeparatedValues;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Reads CSV records with Sep (RFC 4180 essentials: fields separated by the delimiter, quoted fields with <c>""</c> for
/// a quote and line breaks inside, CRLF, LF or CR line ends), as arrays of unescaped fields with the line each record
/// starts on, for messages. Blank lines are skipped. The header is an ordinary record here: the import names its columns.
/// Sep pairs quotes wherever they stand, so a stray quote inside an unquoted field (not RFC 4180) opens a quoted run
/// up to the next quote rather than being kept as a character.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly SepReader _reader;

    public CsvRecordReader(TextReader reader, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = Sep.New(delimiter)
            .Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .From(reader, leaveOpen: true);
    }

    /// <summary>The delimiter a header line uses: ';' or a tab when it has those and no comma, else ','.</summary>
    public static char DetectDelimiter(string? headerLine)
    {
        if (string.IsNullOrEmpty(headerLine) || headerLine.Contains(','))
        {
            return ',';
        }

        return headerLine.Contains(';') ? ';' : headerLine.Contains('\t') ? '\t' : ',';
    }

    /// <summary>The next record and the line it starts on; null at the end. Blank lines are skipped.</summary>
    public (int Line, string[] Fields)? Read()
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            // Sep 0.18 numbers the first row as if it ended on line 2 when there is no header; the first row starts on line 1.
            return (row.RowIndex == 0 ? 1 : row.LineNumberFrom, fields);
        }

        return null;
    }

    /// <summary>One CSV line of <paramref name="fields"/>, quoting what needs it (and what starts or ends with a space, for spreadsheets).</summary>
    public static string Format(IEnumerable<string> fields, char delimiter = ',') =>
        string.Join(delimiter, fields.Select(f => f.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 || f.StartsWith(' ') || f.EndsWith(' ')
            ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : f));

    public void Dispose() => _reader.Dispose();
}
