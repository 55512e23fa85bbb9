
namespace QubesPoolConsole.Components.Model;

/// <summary>Adds a form's edits to the draft (never to the file).</summary>
public static class DraftStaging
{
    /// <summary>
    /// Stages <paramref name="edits"/> as one batch (all or nothing, <see cref="PoolDraft.AddRange"/>); returns the
    /// refusal, or null when staged. <paramref name="confirmed"/>: the person confirmed the warnings that need it.
    /// </summary>
    public static EditResult? Stage(PoolDraft draft, IReadOnlyList<PoolEdit> edits, bool confirmed = false)
        => draft.AddRange(edits, confirmed) is { Ok: false } refused ? refused : null;

    /// <summary>The snackbar text after staging.</summary>
    public static string StagedMessage(IEnumerable<PoolEdit> edits)
        => $"Staged: {string.Join("; ", edits.Select(e => e.Describe()))} — review pending changes";
}
