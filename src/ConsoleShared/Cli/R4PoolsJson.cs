using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The JSON of <c>pools --json</c> over qubesd, written field by field so the order is fixed:
/// { backend, socket, description, error, pools: [{ name, driver, location, config, size, used, fraction, level,
///   metadata: { size, used, level } | null, includedIn, defaultFor, volumes, error }], problems }.
/// </summary>
public static class R4PoolsJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The view as one JSON object, ending with a newline.</summary>
    public static string Write(R4PoolsView view, ConsoleBackend backend) => Document(backend, view.Error, json =>
    {
        json.WriteStartArray("pools");
        foreach (var row in view.Rows) WriteRow(json, row);
        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var p in view.Problems) json.WriteStringValue(p);
        json.WriteEndArray();
    });

    /// <summary>
    /// One JSON object of a qubesd command, ending with a newline: backend, socket, description and error, then
    /// what <paramref name="body"/> writes.
    /// </summary>
    public static string Document(ConsoleBackend backend, string? error, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("backend", "qubesd");
            json.WriteString("socket", backend.SocketPath);
            json.WriteString("description", backend.Description);
            json.WriteString("error", error);
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRow(Utf8JsonWriter json, R4PoolRow row)
    {
        json.WriteStartObject();
        json.WriteString("name", row.Name);
        json.WriteString("driver", row.Driver);
        json.WriteString("location", row.KeyText);
        json.WriteStartObject("config");
        foreach (var (k, v) in row.Config) json.WriteString(k, v);
        json.WriteEndObject();
        WriteNumber(json, "size", row.Data?.Size);
        WriteNumber(json, "used", row.Data?.Used);
        if (row.Data?.Fraction is { } f) json.WriteNumber("fraction", Math.Round(f, 4));
        else json.WriteNull("fraction");
        json.WriteString("level", row.Level.ToString().ToLowerInvariant());
        if (row.Metadata is { } m)
        {
            json.WriteStartObject("metadata");
            WriteNumber(json, "size", m.Size);
            WriteNumber(json, "used", m.Used);
            json.WriteString("level", m.Level.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("metadata");
        }
        json.WriteString("includedIn", row.IncludedIn);
        json.WriteStartArray("defaultFor");
        foreach (var p in row.DefaultFor) json.WriteStringValue(p);
        json.WriteEndArray();
        json.WriteNumber("volumes", row.VolumeCount);
        json.WriteString("error", row.Error);
        json.WriteEndObject();
    }

    /// <summary>A number, or null when unknown.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
