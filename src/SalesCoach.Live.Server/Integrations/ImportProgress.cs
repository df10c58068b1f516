using System.Diagnostics;
using System.Globalization;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The import's progress on stderr: a bar redrawn in place (at most ten times a second) on a terminal, or a plain line
/// every tenth of the file when stderr is redirected to a file or a pipe.
/// </summary>
public sealed class ImportProgress(TextWriter output, long totalBytes, bool interactive)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private int _lastTenth = -1;

    public void Report(long bytes, long rows, bool final = false)
    {
        var fraction = totalBytes <= 0 ? 1 : Math.Clamp((double)bytes / totalBytes, 0, 1);
        if (final)
        {
            fraction = 1;
        }

        if (interactive)
        {
            if (!final && _clock.Elapsed - _lastDraw < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _lastDraw = _clock.Elapsed;
            var filled = (int)Math.Round(fraction * Width);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {fraction,4:P0}  {rows:N0} rows  {Rate(rows)}"));
            if (final)
            {
                output.WriteLine();
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {fraction:P0} ({rows:N0} rows)"));
        }
    }

    private string Rate(long rows) =>
        _clock.Elapsed.TotalSeconds < 0.5 ? "" : string.Create(CultureInfo.InvariantCulture, $"{rows / _clock.Elapsed.TotalSeconds:N0} rows/s");
}
