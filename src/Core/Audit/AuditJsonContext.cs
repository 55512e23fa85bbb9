using System.Text.Json;
using System.Text.Json.Serialization;

namespace QubesPoolConsole.Core.Audit;

/// <summary>
/// The audit journal's JSON, generated at compile time (web defaults: camelCase names) so that the ahead-of-time
/// compiled CLI writes the same lines as the server without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
