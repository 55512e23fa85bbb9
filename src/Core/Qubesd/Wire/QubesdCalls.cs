using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// The Admin API calls the console makes, as one-liners over <see cref="IQubesdClient"/>. Each checks and frames its
/// request (a request qubesd would abort comes back as <see cref="QubesdReplyKind.InvalidRequest"/>, unsent) and reads
/// the reply's text format.
/// </summary>
public static class QubesdCalls
{
    /// <summary>Frames and sends any call; an invalid request is answered with <see cref="QubesdReplyKind.InvalidRequest"/>.</summary>
    public static Task<QubesdReply> CallAsync(this IQubesdClient client, string method, string? arg = null, string dest = "dom0",
        ReadOnlyMemory<byte> payload = default, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (!QubesdRequest.TryCreate(method, arg, dest, payload, out var request, out var problem))
            return Task.FromResult(QubesdReply.Failure(QubesdReplyKind.InvalidRequest, problem, client.SocketPath));
        return client.CallAsync(request, timeout, cancellationToken);
    }

    /// <summary><c>admin.pool.List</c>: the pool names in qubes.xml order.</summary>
    public static async Task<QubesdResult<IReadOnlyList<string>>> PoolListAsync(this IQubesdClient client, CancellationToken cancellationToken = default) =>
        QubesdReplyText.Lines(await client.CallAsync("admin.pool.List", cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.pool.ListDrivers</c>: each driver with its parameter names.</summary>
    public static async Task<QubesdResult<IReadOnlyList<QubesdDriver>>> PoolListDriversAsync(this IQubesdClient client, CancellationToken cancellationToken = default) =>
        QubesdReplyText.Drivers(await client.CallAsync("admin.pool.ListDrivers", cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.pool.Info+&lt;pool&gt;</c>: the pool's config (driver, name, options), then size, usage, included_in when known.</summary>
    public static async Task<QubesdResult<QubesdKeyValues>> PoolInfoAsync(this IQubesdClient client, string pool, CancellationToken cancellationToken = default) =>
        QubesdReplyText.KeyValueLines(await client.CallAsync("admin.pool.Info", pool, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.pool.UsageDetails+&lt;pool&gt;</c>: <c>data_size</c>, <c>data_usage</c> (and <c>metadata_*</c> for LVM); may be empty.</summary>
    public static async Task<QubesdResult<QubesdKeyValues>> PoolUsageDetailsAsync(this IQubesdClient client, string pool, CancellationToken cancellationToken = default) =>
        QubesdReplyText.KeyValueLines(await client.CallAsync("admin.pool.UsageDetails", pool, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.pool.volume.List+&lt;pool&gt;</c>: the volume ids the pool knows.</summary>
    public static async Task<QubesdResult<IReadOnlyList<string>>> PoolVolumeListAsync(this IQubesdClient client, string pool, CancellationToken cancellationToken = default) =>
        QubesdReplyText.Lines(await client.CallAsync("admin.pool.volume.List", pool, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <c>admin.pool.Add+&lt;driver&gt;</c> with the payload qvm-pool sends: <c>name=&lt;name&gt;\n</c>, then
    /// <c>key=value\n</c> per option in the order given (qvm-pool sorts them).
    /// </summary>
    public static Task<QubesdReply> PoolAddAsync(this IQubesdClient client, string driver, string name,
        IEnumerable<KeyValuePair<string, string>> options, CancellationToken cancellationToken = default)
    {
        if (!TryPoolAddPayload(name, options, out var payload, out var problem))
            return Task.FromResult(QubesdReply.Failure(QubesdReplyKind.InvalidRequest, problem, client.SocketPath));
        return client.CallAsync("admin.pool.Add", driver, payload: payload, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The exact payload of <see cref="PoolAddAsync"/>. Fails when a name, key or value holds a line break or NUL
    /// (it would read as another option), or a key is empty or holds <c>=</c>.
    /// </summary>
    public static bool TryPoolAddPayload(string name, IEnumerable<KeyValuePair<string, string>> options,
        [NotNullWhen(true)] out byte[]? payload, [NotNullWhen(false)] out string? problem)
    {
        payload = null;
        var text = new StringBuilder();
        foreach (var (key, value) in options.Prepend(new("name", name)))
        {
            if (key.Length == 0 || key.Contains('=') || HasBreak(key))
            {
                problem = $"The pool option name \"{key}\" must be non-empty, without '=' or line breaks.";
                return false;
            }
            if (HasBreak(value))
            {
                problem = $"The value of the pool option {key} must not hold line breaks or NUL characters.";
                return false;
            }
            text.Append(key).Append('=').Append(value).Append('\n');
        }
        problem = null;
        payload = Encoding.UTF8.GetBytes(text.ToString());
        return true;
    }

    private static bool HasBreak(string text) => text.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0;

    /// <summary><c>admin.pool.Set.&lt;option&gt;+&lt;pool&gt;</c> (only <c>revisions_to_keep</c> and <c>ephemeral_volatile</c> exist).</summary>
    public static Task<QubesdReply> PoolSetAsync(this IQubesdClient client, string pool, string option, string value, CancellationToken cancellationToken = default) =>
        client.CallAsync("admin.pool.Set." + option, pool, payload: Encoding.UTF8.GetBytes(value), cancellationToken: cancellationToken);

    /// <summary><c>admin.pool.Remove+&lt;pool&gt;</c>: forgets the pool (qubesd deletes no data).</summary>
    public static Task<QubesdReply> PoolRemoveAsync(this IQubesdClient client, string pool, CancellationToken cancellationToken = default) =>
        client.CallAsync("admin.pool.Remove", pool, cancellationToken: cancellationToken);

    /// <summary><c>admin.property.Get+&lt;name&gt;</c> on dom0 (e.g. <c>default_pool</c>).</summary>
    public static async Task<QubesdResult<QubesdProperty>> PropertyGetAsync(this IQubesdClient client, string name, CancellationToken cancellationToken = default) =>
        QubesdReplyText.Property(await client.CallAsync("admin.property.Get", name, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.property.Set+&lt;name&gt;</c> on dom0 with <paramref name="value"/> as the payload.</summary>
    public static Task<QubesdReply> PropertySetAsync(this IQubesdClient client, string name, string value, CancellationToken cancellationToken = default) =>
        client.CallAsync("admin.property.Set", name, payload: Encoding.UTF8.GetBytes(value), cancellationToken: cancellationToken);

    /// <summary><c>admin.property.Reset+&lt;name&gt;</c> on dom0: back to its default.</summary>
    public static Task<QubesdReply> PropertyResetAsync(this IQubesdClient client, string name, CancellationToken cancellationToken = default) =>
        client.CallAsync("admin.property.Reset", name, cancellationToken: cancellationToken);

    /// <summary><c>admin.vm.List</c> on dom0: every VM with its class and state (and uuid on R4.3).</summary>
    public static async Task<QubesdResult<IReadOnlyList<QubesdVmEntry>>> VmListAsync(this IQubesdClient client, CancellationToken cancellationToken = default) =>
        QubesdReplyText.VmList(await client.CallAsync("admin.vm.List", cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.vm.volume.List</c> on <paramref name="vm"/>: its volume names.</summary>
    public static async Task<QubesdResult<IReadOnlyList<string>>> VmVolumeListAsync(this IQubesdClient client, string vm, CancellationToken cancellationToken = default) =>
        QubesdReplyText.Lines(await client.CallAsync("admin.vm.volume.List", dest: vm, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>admin.vm.volume.Info+&lt;volume&gt;</c> on <paramref name="vm"/>: pool, vid, size, usage, rw…</summary>
    public static async Task<QubesdResult<QubesdKeyValues>> VmVolumeInfoAsync(this IQubesdClient client, string vm, string volume, CancellationToken cancellationToken = default) =>
        QubesdReplyText.KeyValueLines(await client.CallAsync("admin.vm.volume.Info", volume, vm, cancellationToken: cancellationToken).ConfigureAwait(false));
}
