using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Components.Model;

/// <summary>Adds a form's edits to the draft (never to the file).</summary>
public static class DraftStaging
{
    /// <summary>
    /// Adds <paramref name="edits"/> in order; on the first refusal returns its result (the edits before it stay
    /// staged — callers check the whole list with <see cref="PoolDraft.Preview"/> first, so this does not happen).
    /// <paramref name="confirmed"/>: the person confirmed the warnings that need it.
    /// </summary>
    public static EditResult? Stage(PoolDraft draft, IEnumerable<PoolEdit> edits, bool confirmed = false)
    {
        foreach (var edit in edits)
        {
            var result = draft.Add(edit, confirmed);
            if (!result.Ok) return result;
        }
        return null;
    }

    /// <summary>The snackbar text after staging.</summary>
    public static string StagedMessage(IEnumerable<PoolEdit> edits)
        => $"Staged: {string.Join("; ", edits.Select(e => e.Describe()))} — review pending changes";
}
