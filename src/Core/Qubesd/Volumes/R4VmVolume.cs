namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>One volume of a VM, as <c>admin.vm.volume.Info</c> reports it.</summary>
/// <param name="Name">The VM's name for it (root, private, volatile, kernel).</param>
/// <param name="Pool">The pool it is in; null when its Info could not be read.</param>
/// <param name="Vid">The pool's volume id.</param>
/// <param name="Size">Its size in bytes, when known.</param>
/// <param name="Usage">Its usage in bytes, when known.</param>
/// <param name="RevisionsToKeep">Info <c>revisions_to_keep</c>, when known.</param>
/// <param name="Source">The vid of the volume it is a snapshot of (Info <c>source</c>), or null.</param>
/// <param name="Rw">Info <c>rw</c>: writable; null when not reported.</param>
/// <param name="Error">Why its Info could not be read, as qubesd said it; null when read.</param>
public sealed record R4VmVolume(
    string Name,
    string? Pool,
    string? Vid,
    long? Size,
    long? Usage,
    long? RevisionsToKeep,
    string? Source,
    bool? Rw,
    string? Error);
