using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// The pool table as text for review and diff: the <c>&lt;pool …/&gt;</c> elements qubes.xml holds (app.py:1173-1184),
/// sorted by name, attributes name and driver first and then sorted (their order in the file has no meaning), and the
/// default_pool* properties that are set explicitly (only those are saved, qubes/__init__.py xml_properties).
/// </summary>
public static class R4PoolXml
{
    /// <summary>The text for <paramref name="pools"/> and <paramref name="defaults"/>; one element per line.</summary>
    public static string Render(R4PoolTable pools, R4DefaultPools defaults)
    {
        var sb = new StringBuilder();
        var sorted = pools.Pools.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0) sb.Append("<pools/>\n");
        else
        {
            sb.Append("<pools>\n");
            foreach (var pool in sorted) sb.Append("  ").Append(Element(pool)).Append('\n');
            sb.Append("</pools>\n");
        }
        var set = defaults.All.Where(d => !d.IsDefault && d.Value is not null).OrderBy(d => d.Property, StringComparer.Ordinal).ToList();
        if (set.Count > 0)
        {
            sb.Append("<properties>\n");
            foreach (var d in set) sb.Append("  <property name=\"").Append(d.Property).Append("\">").Append(Escape(d.Value!, false)).Append("</property>\n");
            sb.Append("</properties>\n");
        }
        return sb.ToString();
    }

    /// <summary>One pool's element: <c>&lt;pool name="…" driver="…" k="v" …/&gt;</c>.</summary>
    public static string Element(R4Pool pool)
    {
        var sb = new StringBuilder("<pool");
        Attribute(sb, "name", pool.Name);
        Attribute(sb, "driver", pool.Driver);
        foreach (var (k, v) in pool.Options) Attribute(sb, k, v);
        return sb.Append("/>").ToString();
    }

    private static void Attribute(StringBuilder sb, string key, string value)
        => sb.Append(' ').Append(key).Append("=\"").Append(Escape(value, true)).Append('"');

    private static string Escape(string value, bool attribute)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                _ when char.IsControl(c) => $"&#{(int)c};",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
