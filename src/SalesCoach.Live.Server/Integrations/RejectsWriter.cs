namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The file of rejected rows: the input's header with <c>line</c> and <c>reason</c> added, then each rejected row as it
/// was, its line in the input and why it was rejected. Fix the rows and import the file of them again.
/// </summary>
public sealed class RejectsWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _width;
    private readonly char _delimiter;

    public RejectsWriter(string path, IReadOnlyList<string> header, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _width = header.Count;
        _delimiter = delimiter;
        _writer.WriteLine(CsvRecordReader.Format([.. header, "line", "reason"], delimiter));
    }

    public void Write(IReadOnlyList<string> fields, int line, string reason)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var padded = fields.Concat(Enumerable.Repeat("", Math.Max(0, _width - fields.Count)));
        _writer.WriteLine(CsvRecordReader.Format([.. padded, line.ToString(System.Globalization.CultureInfo.InvariantCulture), reason], _delimiter));
    }

    public void Dispose() => _writer.Dispose();
}
