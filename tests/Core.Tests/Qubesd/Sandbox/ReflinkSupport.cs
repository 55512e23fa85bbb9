using System.Diagnostics;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>Asks coreutils whether a directory's file system makes reflinks: <c>cp --reflink=always</c>.</summary>
internal static class ReflinkSupport
{
    public static bool Observe(string directory)
    {
        var src = Path.Combine(directory, "reflink-src");
        var dst = Path.Combine(directory, "reflink-dst");
        File.WriteAllText(src, "foo");
        try
        {
            var psi = new ProcessStartInfo("cp", ["--reflink=always", src, dst]) { RedirectStandardError = true };
            using var cp = Process.Start(psi)!;
            cp.StandardError.ReadToEnd();
            cp.WaitForExit();
            return cp.ExitCode == 0;
        }
        finally
        {
            File.Delete(src);
            File.Delete(dst);
        }
    }
}
