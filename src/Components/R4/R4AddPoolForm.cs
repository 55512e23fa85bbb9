using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// The add-pool form: a driver, a name and one value per option of that driver. Booleans start at the driver's
/// default and are sent only when changed from it; empty text is not sent. Every rule lives in
/// <see cref="R4PoolValidator"/>; this only turns the fields into a request and places its findings on fields.
/// </summary>
public sealed class R4AddPoolForm
{
    /// <summary>The field findings about the name land on.</summary>
    public const string NameField = "name";

    /// <summary>The findings no field owns.</summary>
    public const string GeneralField = "";

    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);

    /// <summary>A form over <paramref name="drivers"/>; file-reflink (what Qubes recommends for file pools) is chosen first.</summary>
    public R4AddPoolForm(IReadOnlyList<R4Driver> drivers)
    {
        Drivers = drivers;
        Driver = drivers.FirstOrDefault(d => d.Name == R4DriverTable.FileReflink.Name) ?? drivers.FirstOrDefault();
    }

    /// <summary>The drivers offered.</summary>
    public IReadOnlyList<R4Driver> Drivers { get; }

    /// <summary>The chosen driver.</summary>
    public R4Driver? Driver { get; private set; }

    /// <summary>The pool name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Chooses a driver by name; the values typed so far are kept for options both drivers have.</summary>
    public void ChooseDriver(string name) => Driver = Drivers.FirstOrDefault(d => d.Name == name) ?? Driver;

    /// <summary>The options of the chosen driver, required ones first.</summary>
    public IEnumerable<R4DriverOption> Options => Driver is null ? [] : Driver.Options.OrderByDescending(o => o.Required);

    /// <summary>Whether an option is shown as a switch.</summary>
    public static bool IsSwitch(R4DriverOption option) => option.Type == R4OptionType.Bool && option.Default is not null;

    /// <summary>The text of an option.</summary>
    public string Text(string option) => _text.TryGetValue(option, out var v) ? v : "";

    /// <summary>Sets the text of an option.</summary>
    public void SetText(string option, string value) => _text[option] = value;

    /// <summary>The switch of a boolean option (its default until changed).</summary>
    public bool Flag(R4DriverOption option) => _flags.TryGetValue(option.Name, out var v) ? v : IsTrue(option.Default);

    /// <summary>Sets the switch of a boolean option.</summary>
    public void SetFlag(string option, bool value) => _flags[option] = value;

    /// <summary>The request the fields make.</summary>
    public R4PoolAddRequest ToRequest()
    {
        var options = new List<KeyValuePair<string, string>>();
        foreach (var option in Options)
        {
            if (IsSwitch(option))
            {
                var on = Flag(option);
                if (on != IsTrue(option.Default)) options.Add(KeyValuePair.Create(option.Name, on ? "True" : "False"));
            }
            else if (Text(option.Name) is { Length: > 0 } text)
            {
                options.Add(KeyValuePair.Create(option.Name, text));
            }
        }
        return new R4PoolAddRequest(Name, Driver?.Name ?? "", options);
    }

    /// <summary>The field a finding is about: an option's name, <see cref="NameField"/> or <see cref="GeneralField"/>.</summary>
    public string FieldOf(R4Finding finding)
    {
        if (finding.Option is { } option && Options.Any(o => o.Name == option)) return option;
        return finding.Code is R4Codes.PoolNameEmpty or R4Codes.PoolNameCharset or R4Codes.PoolExists ? NameField : GeneralField;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "True", StringComparison.OrdinalIgnoreCase);
}
