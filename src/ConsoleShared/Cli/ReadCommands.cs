using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Server.Cli;

/// <summary><c>pools</c> and <c>check</c>: read storage.conf and qubes.xml, write nothing.</summary>
public static class ReadCommands
{
    /// <summary>The pools table or JSON. 0 listed, 1 Qubes cannot parse the file, 2 the file cannot be read.</summary>
    public static int Pools(CliRequest request, PoolCatalog catalog, TextWriter stdout, TextWriter stderr)
    {
        var report = PoolsReport.From(catalog.Read(), catalog.Store.Path);
        int exit = report.Unreadable ? ExitCodes.Unreadable : report.Snapshot.IsReadable ? ExitCodes.Ok : ExitCodes.Refused;
        if (request.Json)
        {
            stdout.Write(PoolsReportJson.Write(report));
            return exit;
        }
        if (report.Unreadable)
        {
            foreach (var d in report.Diagnostics.Where(d => d.IsError)) stderr.WriteLine("error: " + PoolsText.OneLine(d.Message));
            return exit;
        }
        if (!report.Snapshot.IsReadable)
        {
            stderr.WriteLine($"error: Qubes cannot parse {report.File} ({Errors(report.Errors)}), so it has no pools; run '{CliApp.ProgramName} check' to see the lines.");
            return exit;
        }
        stdout.Write(PoolsText.Table(report));
        if (report.Errors > 0)
        {
            stderr.WriteLine($"warning: {report.File} has {Errors(report.Errors)} that Qubes would fail on; run '{CliApp.ProgramName} check' to see them.");
        }
        foreach (var d in report.Diagnostics.Where(d => d.Code == PoolsReport.InventoryUnreadable))
        {
            stderr.WriteLine("warning: " + PoolsText.OneLine(d.Message));
        }
        return exit;
    }

    /// <summary>The diagnostics, as lines or JSON. 0 no error, 1 errors, 2 the file cannot be read.</summary>
    public static int Check(CliRequest request, PoolCatalog catalog, TextWriter stdout)
    {
        var report = PoolsReport.From(catalog.Read(), catalog.Store.Path);
        stdout.Write(request.Json ? PoolsReportJson.Write(report) : PoolsText.Check(report));
        return report.Unreadable ? ExitCodes.Unreadable : report.Errors > 0 ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private static string Errors(int n) => n == 1 ? "1 error" : $"{n} errors";
}
