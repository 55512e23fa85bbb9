namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// Qubes R3.2's file layout for a new VM in a xen pool: <c>appvms/</c> (AppVMs, HVMs, standalone),
/// <c>vm-templates/</c> (templates), <c>servicevms/</c> (NetVM, ProxyVM) under the pool's dir_path; private.img
/// (2 GiB, copied from the template for VMs made from one), root.img only for templates and standalone VMs
/// (10 GiB, 20 GiB for HVMs), volatile.img (root + 1.5 GiB), root-cow.img for templates; all sparse.
/// </summary>
public static class VmLayout
{
    /// <summary>One GiB.</summary>
    public const long GiB = 1024L * 1024 * 1024;

    /// <summary>Size of a new private.img.</summary>
    public const long PrivateBytes = 2 * GiB;

    /// <summary>Size of a new root.img of a PV VM.</summary>
    public const long RootBytes = 10 * GiB;

    /// <summary>Size of a new root.img of an HVM.</summary>
    public const long HvmRootBytes = 20 * GiB;

    /// <summary>What volatile.img adds to the root size.</summary>
    public const long VolatileExtraBytes = 3 * GiB / 2;

    /// <summary>The VM's directory under <paramref name="poolDirPath"/>.</summary>
    public static string DirectoryOf(VmTypeInfo type, string name, string poolDirPath)
        => Path.Combine(poolDirPath, type.Folder, name);

    /// <summary>The directory of an existing VM, recomputed from its element type and its pool's dir_path as Qubes does at load.</summary>
    public static string DirectoryOf(VmInfo vm, string poolDirPath)
        => Path.Combine(poolDirPath, FolderOf(vm.ElementType), vm.Name);

    /// <summary>The folder Qubes keeps a VM of element type <paramref name="elementType"/> in.</summary>
    public static string FolderOf(string elementType) => elementType switch
    {
        "QubesTemplateVm" or "QubesTemplateHVm" => "vm-templates",
        "QubesNetVm" or "QubesProxyVm" or "QubesAdminVm" => "servicevms",
        _ => "appvms",
    };

    /// <summary>Plans the directory and files for <paramref name="request"/> in a pool at <paramref name="poolDirPath"/>.</summary>
    /// <param name="request">The VM to create.</param>
    /// <param name="poolDirPath">The pool's dir_path.</param>
    /// <param name="templateDirectory">The template's directory (for the copies' sources), when known.</param>
    public static VmPlan Plan(VmRequest request, string poolDirPath, string? templateDirectory = null)
    {
        var type = request.TypeInfo;
        long root = type.IsHvm ? HvmRootBytes : RootBytes;
        string? template = type.NeedsTemplate ? request.Template : null;
        string? FromTemplate(string file) => templateDirectory is null ? null : Path.Combine(templateDirectory, file);

        var items = new List<PlannedItem>();
        items.Add(template is null
            ? new PlannedItem("private.img", PlannedItemKind.SparseImage, PrivateBytes, null, "sparse, empty")
            : new PlannedItem("private.img", PlannedItemKind.CopiedImage, PrivateBytes, FromTemplate("private.img"), $"sparse, copied from {template}"));
        if (type.IsStandalone)
        {
            items.Add(template is null
                ? new PlannedItem("root.img", PlannedItemKind.SparseImage, root, null, "sparse, empty")
                : new PlannedItem("root.img", PlannedItemKind.CopiedImage, root, FromTemplate("root.img"), $"sparse, copied from {template}"));
        }
        items.Add(new PlannedItem("volatile.img", PlannedItemKind.SparseImage, root + VolatileExtraBytes, null, "sparse, root size + 1.5 GiB"));
        if (type.IsTemplate)
        {
            items.Add(new PlannedItem("root-cow.img", PlannedItemKind.SparseImage, root, null, "sparse, for template changes"));
        }
        items.Add(new PlannedItem("kernels/", PlannedItemKind.Directory, null, null, "folder"));
        items.Add(new PlannedItem(request.Name + ".conf", PlannedItemKind.File, null, null, "Xen domain configuration"));
        items.Add(new PlannedItem("icon.png", PlannedItemKind.File, null, null, $"the {request.Label} label icon"));
        return new VmPlan(DirectoryOf(type, request.Name, poolDirPath), items);
    }
}
