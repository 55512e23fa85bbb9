using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// <c>pool add|set|unset|remove</c>: one edit through the console's own draft — the same judge of the result
/// (<see cref="ChangeJudge"/>, with qubes.xml), the same safe save against the hash that was loaded, the same audit
/// entry. Each finding is one line on stderr, ending in its code: <c>error: MESSAGE (line N) [code]</c>.
/// </summary>
public static class EditCommand
{
    /// <summary>
    /// Test hook: when this environment variable is "1", the command stops between loading and saving, says so on
    /// stderr and waits for a line on stdin, so a test can change the file in between and see the conflict.
    /// </summary>
    public const string PauseBeforeSaveVariable = "QPC_TEST_PAUSE_BEFORE_SAVE";

    /// <summary>Runs the edit; returns the exit code.</summary>
    public static int Run(CliRequest request, ConsoleServices core, TextWriter stdout, TextWriter stderr)
    {
        var edit = ToEdit(request);
        using var draft = new PoolDraft(core.Catalog, core.Audit);
        var file = core.Store.Path;
        if (draft.Base.Load.Problem is { } problem)
        {
            stderr.WriteLine("error: " + PoolsText.OneLine(problem.Message) + " Nothing was changed.");
            return ExitCodes.Unreadable;
        }

        var result = draft.Add(edit, confirmed: request.Yes);
        foreach (var d in result.Diagnostics) stderr.WriteLine(Line(d));
        if (!result.Ok) return ExitCodes.Refused;
        if (!draft.HasChanges) return ExitCodes.Ok;
        if (draft.Verdict.Refusal is { } refusal)
        {
            stderr.WriteLine("error: " + PoolsText.OneLine(refusal) + " Nothing was changed.");
            return ExitCodes.Refused;
        }
        if (request.DryRun)
        {
            stdout.Write(draft.Diff());
            return ExitCodes.Ok;
        }
        if (draft.Unconfirmed.Count > 0)
        {
            stderr.WriteLine("error: The warning above needs your confirmation; run the command again with --yes to confirm it. Nothing was changed.");
            return ExitCodes.Refused;
        }

        PauseForTests(stderr);
        var outcome = draft.Apply("cli", core.User.Name, confirmed: request.Yes);
        if (outcome.Refused is { } refused)
        {
            stderr.WriteLine("error: " + PoolsText.OneLine(refused));
            return ExitCodes.Refused;
        }
        var save = outcome.Save!;
        switch (save.Status)
        {
            case SaveStatus.Conflict:
                stderr.WriteLine(save.Sha256 is null
                    ? $"error: {file} was deleted while this command ran; nothing was written."
                    : $"error: {file} was changed by another writer while this command ran; nothing was written. Run the command again to apply your change to the new file.");
                return ExitCodes.Conflict;
            case SaveStatus.Failed:
                stderr.WriteLine("error: " + PoolsText.OneLine(save.Message));
                return ExitCodes.WriteFailed;
            case SaveStatus.Saved:
                stdout.WriteLine(save.Message);
                if (outcome.AuditFailure is { } failure)
                {
                    stderr.WriteLine($"warning: The change was saved, but the audit log {core.AuditPath} could not be written: {PoolsText.OneLine(failure)}");
                }
                return ExitCodes.Ok;
            default:
                return ExitCodes.Ok;
        }
    }

    /// <summary>One finding as the command prints it: "error: MESSAGE (line N) [code]".</summary>
    public static string Line(Diagnostic d)
        => $"{(d.IsError ? "error" : "warning")}: {PoolsText.OneLine(d.Message)}{(d.Line is { } line ? $" (line {line})" : "")} [{d.Code}]";

    /// <summary>The edit the request asks for. For <c>pool add</c> without driver or class, the driver is xen.</summary>
    public static PoolEdit ToEdit(CliRequest request)
    {
        var name = request.Arguments[0];
        switch (request.Command)
        {
            case "pool add":
                var driver = Value(request, KnownDrivers.DriverKey);
                var cls = Value(request, KnownDrivers.ClassKey);
                if (driver is null && cls is null) driver = KnownDrivers.Xen;
                var options = request.Options.Where(o => o.Key is not (KnownDrivers.DriverKey or KnownDrivers.ClassKey)).ToList();
                return new AddPool(name, driver, cls, options);
            case "pool set":
                return new SetPoolOptions(name, request.Options);
            case "pool unset":
                // Qubes reads option names in lower case: 'Dir_Path' in the file is dir_path.
                return new UnsetPoolOption(name, request.Arguments[1].ToLowerInvariant());
            case "pool remove":
                return new RemovePool(name);
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Command, "Not an edit command.");
        }
    }

    private static string? Value(CliRequest request, string key)
        => request.Options.Where(o => o.Key == key).Select(o => o.Value).LastOrDefault();

    private static void PauseForTests(TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable(PauseBeforeSaveVariable) != "1") return;
        stderr.WriteLine("test hook: loaded and validated; waiting for a line on stdin before saving");
        stderr.Flush();
        Console.In.ReadLine();
    }
}
