using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The JSON of <c>pools --json</c> and <c>check --json</c>, written field by field so the property order is fixed:
/// { file, sha256, pools: [{ name, driver, class, options, effective, line, vms }],
///   diagnostics: [{ severity, line, section, key, message }] }.
/// </summary>
public static class PoolsReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Not for HTML: keep paths and messages readable (no \u escapes for '+', '<', non-ASCII).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as one JSON object, ending with a newline.</summary>
    public static string Write(PoolsReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("file", report.File);
            json.WriteString("sha256", report.Sha256);
            json.WriteStartArray("pools");
            foreach (var pool in report.Pools) WritePool(json, pool, report.VmsIn(pool.Name));
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics) WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WritePool(Utf8JsonWriter json, EffectivePool pool, IReadOnlyList<string> vms)
    {
        json.WriteStartObject();
        json.WriteString("name", pool.Name);
        json.WriteString("driver", pool.Driver);
        json.WriteString("class", pool.Class);
        WriteOptions(json, "options", pool.Options);
        WriteOptions(json, "effective", pool.Effective);
        json.WriteNumber("line", pool.Line);
        json.WriteStartArray("vms");
        foreach (var vm in vms) json.WriteStringValue(vm);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter json, string name, IReadOnlyList<PoolOption> options)
    {
        json.WriteStartObject(name);
        foreach (var o in options) json.WriteString(o.Key, o.Value);
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("severity", d.IsError ? "error" : "warning");
        if (d.Line is { } line) json.WriteNumber("line", line);
        else json.WriteNull("line");
        json.WriteString("section", d.Section);
        json.WriteString("key", d.Key);
        json.WriteString("message", d.Message);
        json.WriteEndObject();
    }
}
