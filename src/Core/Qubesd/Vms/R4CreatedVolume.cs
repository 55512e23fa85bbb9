namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>One volume of a newly created VM, as <c>admin.vm.volume.Info</c> reports it.</summary>
/// <param name="Volume">root, private, volatile or kernel.</param>
/// <param name="Pool">The pool it is in.</param>
/// <param name="Size">Its size in bytes, when reported.</param>
/// <param name="Vid">The pool's id for it.</param>
public sealed record R4CreatedVolume(string Volume, string? Pool, long? Size, string? Vid);
