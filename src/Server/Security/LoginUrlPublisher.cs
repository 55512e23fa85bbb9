using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Security;

/// <summary>Once the server listens: builds the login URL and writes it to a file only the owner can read.</summary>
public static class LoginUrlPublisher
{
    /// <summary>The file's name in the state folder.</summary>
    public const string FileName = "login-url";

    /// <summary>Full path of the login URL file.</summary>
    public static string FilePath(ConsolePaths paths) => Path.Combine(paths.StateDirectory, FileName);

    /// <summary>Sets <see cref="LoginToken.LoginUrl"/> and writes the file (mode 0600).</summary>
    public static void Publish(IServiceProvider services)
    {
        var token = services.GetRequiredService<LoginToken>();
        var paths = services.GetRequiredService<ConsolePaths>();
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.Select(a => new Uri(a)).OrderBy(u => u.Host == "127.0.0.1" ? 0 : 1).FirstOrDefault()
            ?? throw new InvalidOperationException("The server reports no listening address.");
        token.LoginUrl = $"{address.Scheme}://{address.Authority}/login?t={token.Value}";
        Write(FilePath(paths), token.LoginUrl + "\n");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Delete first: an existing file keeps its old mode when opened for writing.
        File.Delete(path);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = OperatingSystem.IsWindows() ? null : ownerOnly,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, ownerOnly); // umask cannot add bits, but be explicit
    }
}
