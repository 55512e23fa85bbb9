namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>One option of a pool driver, as its constructor in qubes/storage/*.py takes it.</summary>
/// <param name="Name">The option name, as <c>admin.pool.ListDrivers</c> lists it.</param>
/// <param name="Type">What the value must look like.</param>
/// <param name="Required">True when the constructor has no default (qubesd refuses an Add without it).</param>
/// <param name="Default">The constructor's default, as qubes.xml would show it; null when required or unknown.</param>
/// <param name="Settable">True for the only two options qubesd can change later (revisions_to_keep, ephemeral_volatile).</param>
/// <param name="Persisted">True when the pool's config (its <c>&lt;pool&gt;</c> element) keeps the option.</param>
/// <param name="Help">One sentence saying what the option does.</param>
public sealed record R4DriverOption(string Name, R4OptionType Type, bool Required, string? Default, bool Settable, bool Persisted, string Help);
