namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>A VM's volume and the pool it lives in (<c>admin.vm.volume.Info</c>'s <c>pool=</c>).</summary>
/// <param name="Vm">The VM's name.</param>
/// <param name="Volume">The volume's name (root, private, volatile, kernel).</param>
/// <param name="Pool">The pool holding it.</param>
public sealed record R4VolumeRef(string Vm, string Volume, string Pool)
{
    /// <inheritdoc />
    public override string ToString() => $"{Vm}:{Volume}";
}
