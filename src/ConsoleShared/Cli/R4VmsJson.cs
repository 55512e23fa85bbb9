using System.Text.Json;
using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The JSON of <c>vms --json</c>, written field by field (no reflection: the CLI is compiled ahead of time):
/// { backend, socket, description, error, vms: [{ name, class, volumes: [{ name, pool, size, usage, vid,
///   revisions_to_keep, source, rw, error }], error }] }.
/// </summary>
public static class R4VmsJson
{
    /// <summary>The listing as one JSON object, ending with a newline.</summary>
    public static string Write(R4VmVolumeListing listing, ConsoleBackend backend) => R4PoolsJson.Document(backend, listing.Error, json =>
    {
        json.WriteStartArray("vms");
        foreach (var vm in listing.Vms)
        {
            json.WriteStartObject();
            json.WriteString("name", vm.Vm);
            json.WriteString("class", vm.Class);
            json.WriteStartArray("volumes");
            foreach (var v in vm.Volumes) WriteVolume(json, v);
            json.WriteEndArray();
            json.WriteString("error", vm.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    private static void WriteVolume(Utf8JsonWriter json, R4VmVolume v)
    {
        json.WriteStartObject();
        json.WriteString("name", v.Name);
        json.WriteString("pool", v.Pool);
        R4PoolsJson.WriteNumber(json, "size", v.Size);
        R4PoolsJson.WriteNumber(json, "usage", v.Usage);
        json.WriteString("vid", v.Vid);
        R4PoolsJson.WriteNumber(json, "revisions_to_keep", v.RevisionsToKeep);
        json.WriteString("source", v.Source);
        if (v.Rw is { } rw) json.WriteBoolean("rw", rw);
        else json.WriteNull("rw");
        json.WriteString("error", v.Error);
        json.WriteEndObject();
    }
}
