using System.Text;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Reads CSV records (RFC 4180): fields separated by the delimiter, quoted fields with <c>""</c> for a quote and line
/// breaks inside, CRLF or LF line ends. Knows the line each record starts on, for messages.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    private int _line = 1;

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
        while (true)
        {
            var start = _line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var any = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                any = true;
                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            _line++;
                        }

                        field.Append(ch);
                    }

                    continue;
                }

                if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (ch == '\r' && reader.Peek() == '\n')
                {
                    // The \n ends the record.
                }
                else if (ch == '\n')
                {
                    _line++;
                    break;
                }
                else
                {
                    field.Append(ch);
                }
            }

            if (!any)
            {
                return null;
            }

            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                if (c < 0)
                {
                    return null;
                }

                continue;
            }

            return (start, fields.ToArray());
        }
    }

    /// <summary>One CSV line of <paramref name="fields"/>, quoting what needs it.</summary>
    public static string Format(IEnumerable<string> fields, char delimiter = ',') =>
        string.Join(delimiter, fields.Select(f => f.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 || f.StartsWith(' ') || f.EndsWith(' ')
            ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : f));
}
