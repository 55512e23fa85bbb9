namespace QubesPoolConsole.Core.Tests.Drafts;

/// <summary>Base of the draft tests that work on real files: the text they start from and the files over it.</summary>
public abstract class DraftFileTests
{
    /// <summary>The storage.conf most tests start from: the default pool only.</summary>
    protected const string Start = "[default]\ndriver=xen\n";

    /// <summary>storage.conf with <paramref name="storageConf"/> (none for null) and a qubes.xml with no VMs.</summary>
    protected static TempConsoleFiles NewFiles(string? storageConf = Start) => new(storageConf, TempConsoleFiles.QubesXml());
}
