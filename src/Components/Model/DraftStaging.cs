using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Components.Model;

/// <summary>Adds a form's edits to the draft (never to the file).</summary>
public static class DraftStaging
{
    /// <summary>
    /// Adds <paramref name="edits"/> in order; on the first refusal returns its result (the edits before it stay
    /// staged — callers check the whole list with <see cref="PoolEditor.ApplyAll"/> first, so this does not happen).
    /// </summary>
    public static EditResult? Stage(PoolDraft draft, IEnumerable<PoolEdit> edits)
    {
        foreach (var edit in edits)
        {
            var result = draft.Add(edit);
            if (!result.Ok) return result;
        }
        return null;
    }

    /// <summary>The snackbar text after staging.</summary>
    public static string StagedMessage(IEnumerable<PoolEdit> edits)
        => $"Staged: {string.Join("; ", edits.Select(e => e.Describe()))} — review pending changes";
}
