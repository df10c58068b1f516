using Microsoft.Playwright;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>Screenshots kept as test artifacts under <c>TestResults/screenshots/</c> of the test output folder.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves the page at its viewport size (1920×1080) as <c>{name}.png</c>; returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Allow });
        return path;
    }
}
