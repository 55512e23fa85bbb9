using System.Text;

namespace QubesPoolConsole.Bench;

/// <summary>A qubes.xml to go with <see cref="ConfGenerator"/>'s files: dom0, a template, and one AppVM in every tenth pool.</summary>
public static class QubesXmlGenerator
{
    public static string Generate(int pools)
    {
        var sb = new StringBuilder();
        sb.Append("<QubesVmCollection clockvm=\"0\" default_template=\"1\">\n");
        sb.Append("  <QubesAdminVm qid=\"0\" name=\"dom0\" label=\"black\" dir_path=\"/var/lib/qubes/servicevms/dom0\" pool_name=\"default\" template_qid=\"none\" internal=\"False\"/>\n");
        sb.Append("  <QubesTemplateVm qid=\"1\" name=\"fedora-23\" label=\"black\" dir_path=\"/var/lib/qubes/vm-templates/fedora-23\" template_qid=\"none\" internal=\"False\"/>\n");
        int qid = 2;
        for (int i = 10; i <= pools; i += 10)
        {
            var pool = ConfGenerator.PoolName(i);
            sb.Append($"  <QubesAppVm qid=\"{qid++}\" name=\"work-{i}\" label=\"blue\" dir_path=\"/var/lib/qubes/pools/{pool}/appvms/work-{i}\" pool_name=\"{pool}\" template_qid=\"1\" internal=\"False\"/>\n");
        }
        sb.Append("</QubesVmCollection>\n");
        return sb.ToString();
    }
}
