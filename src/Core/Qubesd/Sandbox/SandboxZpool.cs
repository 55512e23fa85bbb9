namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>A simulated zpool (<c>zpool list -Hp -o size,free</c>).</summary>
/// <param name="Name">The pool name, the first part of a zfs pool's container.</param>
/// <param name="SizeBytes">size.</param>
/// <param name="FreeBytes">free.</param>
public sealed record SandboxZpool(string Name, long SizeBytes, long FreeBytes);
