namespace QubesPoolConsole.Core.Vms;

/// <summary>How a planned file comes to be.</summary>
public enum PlannedItemKind
{
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>An empty sparse image of the given size.</summary>
    SparseImage,
    /// <summary>A sparse copy of the template's image.</summary>
    CopiedImage,
    /// <summary>A small regular file.</summary>
    File,
}

/// <summary>One file or folder a new VM gets in its directory.</summary>
/// <param name="Name">Name relative to the VM directory (folders end in '/').</param>
/// <param name="Kind">How it is made.</param>
/// <param name="Bytes">Apparent size of an image; null for folders and small files.</param>
/// <param name="Source">For copies, the file copied from.</param>
/// <param name="Note">A short note for people (e.g. "sparse, copied from fedora-23").</param>
public sealed record PlannedItem(string Name, PlannedItemKind Kind, long? Bytes, string? Source, string Note)
{
    /// <summary>True for disk images (they count towards the maximum size).</summary>
    public bool IsImage => Kind is PlannedItemKind.SparseImage or PlannedItemKind.CopiedImage;
}
